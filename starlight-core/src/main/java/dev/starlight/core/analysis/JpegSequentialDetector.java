package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.Evidence;
import java.util.Locale;

/**
 * Sequential LSB replacement in the DCT domain (JSteg and the tools that write its way): the message bits replace
 * the least significant bits of the AC coefficients in the order the file stores them, from the first block on,
 * skipping 0 and 1. Replacement keeps the sign, so it trades -1 with -2, 2 with 3, -3 with -4 and 4 with 5, while 1
 * is never touched. Where it wrote, h(1) stays while h(-1) falls, h(2) falls while h(-2) rises, h(3) rises while
 * h(-3) falls: the histogram loses the symmetry about 0 that natural DCT coefficients have in every part of an
 * image, and it loses it in opposite directions for odd and even magnitudes.
 *
 * <p>The statistic, over each prefix of the blocks (cut every quarter block row; the area such an embedder fills
 * first): for the magnitude pairs (1, 2) and (3, 4), a = (h(k) - h(-k)) / (h(k) + h(-k)) of the odd magnitude minus
 * the same of the even one, weighted by the inverse of its binomial variance; z is the weighted sum over its
 * standard deviation. A smooth gradient can tilt the signs of a mode, but it tilts every magnitude the same way, and
 * the odd-minus-even difference cancels that; the modes (0,1) and (1,0), where gradients live, are left out all
 * the same. The largest z over the prefixes (each with at least {@link #MIN_COEFFICIENTS} coefficients counted) is
 * the evidence, and the share of the usable coefficients (AC, neither 0 nor 1) in that prefix estimates the rate.
 *
 * <p>Operating point: z = {@link #Z_STEGO} (score 0.5), above the highest z (11.0) of the 5,155 clean JPEGs of the
 * clean zoo's validation split that have enough coefficients (12 JPEG families, 437 each;
 * docs/jpeg-evaluation.md, "Sequential DCT replacement"). Not an F5, outguess or steghide detector: those spread
 * their changes over the image and keep the signs balanced.
 */
public final class JpegSequentialDetector extends SingleEvidenceDetector {
    public static final String FAMILY = "jpeg.seq";
    /** z at which the score is 0.5 (stego by {@code StructuralRules}). */
    static final double Z_STEGO = 11.5;
    /** Fewest coefficients of magnitude 1 to 4 (in the modes counted) a prefix needs before its z counts. */
    static final int MIN_COEFFICIENTS = 100;
    /** Magnitudes counted: the pairs (1, 2) and (3, 4). */
    private static final int MAX_MAGNITUDE = 4;
    /** Prefix cuts per block row. */
    private static final int CUTS_PER_ROW = 4;

    public JpegSequentialDetector() {
        super(FAMILY);
    }

    @Override
    Evidence evidence(DecodedImage image, byte[] file) {
        return JpegLuma.evidence(image, file, FAMILY, JpegSequentialDetector::analyse);
    }

    /**
     * What the sweep found.
     *
     * @param z         the largest z over the prefixes
     * @param blocks    blocks in the prefix where it peaked
     * @param allBlocks blocks in the image
     * @param rate      usable coefficients in that prefix per non-zero AC coefficient of the image (the rate a
     *                  sequential embedder that filled exactly that prefix wrote, in bits per non-zero AC)
     */
    record Sweep(double z, int blocks, int allBlocks, double rate) {
    }

    static Evidence analyse(JpegCoefficients.Component c) {
        Sweep s = sweep(c);
        if (s == null) {
            return Evidence.notRun(FAMILY, "too few AC coefficients of magnitude 1 to 4");
        }
        double score = JpegLuma.sigmoid(s.z() - Z_STEGO);
        String detail = String.format(Locale.ROOT,
                "luma AC sign symmetry, odd against even magnitudes, by prefix: z=%.1f over the first %d of %d "
                        + "blocks (stego at z>=%.1f)", s.z(), s.blocks(), s.allBlocks(), Z_STEGO);
        return new Evidence(FAMILY, score, detail, s.rate());
    }

    /** The sweep over the prefixes; null when no prefix has enough coefficients. */
    static Sweep sweep(JpegCoefficients.Component c) {
        short[] coef = c.coefficients();
        int blocks = c.blockCount();
        int step = Math.max(1, c.blocksWide() / CUTS_PER_ROW);
        // running histograms of the AC values clamped to -5..5: all modes, and the gradient modes (0,1), (1,0)
        long[] all = new long[2 * CLAMP + 1];
        long[] gradient = new long[2 * CLAMP + 1];
        long[] h = new long[2 * MAX_MAGNITUDE + 1];
        double bestZ = Double.NEGATIVE_INFINITY;
        int bestBlocks = 0;
        long bestUsable = 0;
        for (int from = 0; from < blocks; from += step) {
            int to = Math.min(blocks, from + step);
            for (int i = from * 64; i < to * 64; i += 64) {
                for (int k = 1; k < 64; k++) {
                    all[clamp(coef[i + k])]++;
                }
                gradient[clamp(coef[i + 1])]++;
                gradient[clamp(coef[i + 8])]++;
            }
            for (int v = -MAX_MAGNITUDE; v <= MAX_MAGNITUDE; v++) {
                h[v + MAX_MAGNITUDE] = all[v + CLAMP] - gradient[v + CLAMP];
            }
            double z = z(h);
            if (z > bestZ) {
                bestZ = z;
                bestBlocks = to;
                bestUsable = usable(all, to);
            }
        }
        if (bestBlocks == 0) {
            return null;
        }
        long nonZero = (long) blocks * 63 - all[CLAMP];
        return new Sweep(bestZ, bestBlocks, blocks, bestUsable / (double) Math.max(1, nonZero));
    }

    /** Values beyond ±5 share the end bins (only -4..4 are read, and 0 and 1 for the usable count). */
    private static final int CLAMP = 5;

    private static int clamp(int v) {
        return Math.max(-CLAMP, Math.min(CLAMP, v)) + CLAMP;
    }

    /** AC coefficients that are neither 0 nor 1 among the first {@code blocks} blocks, from their histogram. */
    private static long usable(long[] all, int blocks) {
        return (long) blocks * 63 - all[CLAMP] - all[CLAMP + 1];
    }

    /** z of one prefix's counts h[v + 4] for v in -4..4; -infinity with too few coefficients. */
    private static double z(long[] h) {
        double sum = 0;
        double variance = 0;
        long counted = 0;
        for (int odd = 1; odd < MAX_MAGNITUDE; odd += 2) {
            long nOdd = h[MAX_MAGNITUDE + odd] + h[MAX_MAGNITUDE - odd];
            long nEven = h[MAX_MAGNITUDE + odd + 1] + h[MAX_MAGNITUDE - odd - 1];
            counted += nOdd + nEven;
            if (nOdd < 5 || nEven < 5) {
                continue;
            }
            double a = (h[MAX_MAGNITUDE + odd] - h[MAX_MAGNITUDE - odd]) / (double) nOdd
                    - (h[MAX_MAGNITUDE + odd + 1] - h[MAX_MAGNITUDE - odd - 1]) / (double) nEven;
            double v = 1.0 / nOdd + 1.0 / nEven;
            sum += a / v;
            variance += 1 / v;
        }
        return counted < MIN_COEFFICIENTS || variance == 0 ? Double.NEGATIVE_INFINITY : sum / Math.sqrt(variance);
    }
}
