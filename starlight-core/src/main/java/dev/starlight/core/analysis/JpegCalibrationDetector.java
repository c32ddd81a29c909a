package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.Evidence;
import java.util.Locale;

/**
 * Calibration (Fridrich, Goljan and Hogea, "Steganalysis of JPEG Images: Breaking the F5 Algorithm", IH 2002):
 * the luma is decompressed from its coefficients, cropped by 4 pixels at the top and left, and compressed again
 * on the 8x8 grid with the same quantisation table. The crop breaks the block structure that embedding changed,
 * so the recompressed coefficients estimate the statistics of the cover. Compared:
 * <ul>
 *   <li>F5 shrinkage: for the low-frequency modes (1,2), (2,1), (2,2) of that paper (here (0,1), (1,0), (1,1),
 *       0-based), beta minimises [h(0) - ĥ(0) - beta ĥ(1)]^2 + [h(1) - ĥ(1) - beta (ĥ(2) - ĥ(1))]^2 over the
 *       histograms h of |c| in the image and ĥ in the calibrated estimate; the mean beta is the estimate of the
 *       share of non-zero AC coefficients changed;</li>
 *   <li>per-mode histogram differences (Fridrich, "Feature-Based Steganalysis for JPEG Images", IH 2004): the L1
 *       distance between the normalised histograms (values -5..5) of the 9 lowest AC modes and their calibrated
 *       estimates, which histogram-preserving embedders (OutGuess 0.2, steghide) keep only globally.</li>
 * </ul>
 * Stateless.
 */
public final class JpegCalibrationDetector extends SingleEvidenceDetector {
    public static final String FAMILY = "jpeg.calib";
    private static final int[] F5_MODES = {1, 8, 9};
    /** The statistics use the modes (v, u) with u + v &lt;= 3 only; the calibration computes no others. */
    private static final int LOW_MODES = 3;

    public JpegCalibrationDetector() {
        super(FAMILY);
    }

    @Override
    Evidence evidence(DecodedImage image, byte[] file) {
        return JpegLuma.evidence(image, file, FAMILY, JpegCalibrationDetector::analyse);
    }

    /** The evidence for one component's coefficients. */
    static Evidence analyse(JpegCoefficients.Component c) {
        return evidence(features(c));
    }

    /** The evidence with the calibration already computed (null when the image is too small). */
    static Evidence analyse(JpegCoefficients.Component c, JpegLuma.Calibration calibration) {
        return evidence(calibration == null ? null : features(c, calibration.calibrated().coefficients()));
    }

    private static Evidence evidence(double[] f) {
        if (f == null) {
            return Evidence.notRun(FAMILY, "image too small for calibration (needs 3x3 blocks)");
        }
        double beta = f[0];
        // beta of covers scatters about 0 with a spread of 0.1 to 0.2; their L1 lies near 0.7 to 1.0, spread 0.2:
        // each term counts in units of that spread
        double score = JpegLuma.sigmoid((beta - 0.1) / 0.15 + (f[1] - 1.0) / 0.2);
        String detail = String.format(Locale.ROOT,
                "calibrated luma: F5 shrinkage beta=%.3f, low-frequency mode histograms L1=%.3f", beta, f[1]);
        return new Evidence(FAMILY, score, detail, Math.max(0, Math.min(1, beta)));
    }

    /** {beta, per-mode histogram L1}; null when the image is too small. */
    static double[] features(JpegCoefficients.Component c) {
        int bw = c.blocksWide();
        int bh = c.blocksHigh();
        if (bw < 3 || bh < 3) {
            return null;
        }
        float[] plane = JpegLuma.decompress(c);
        return features(c, JpegLuma.recompress(plane, bw * 8, 4, 4, bw - 1, bh - 1, c.quant(), LOW_MODES));
    }

    /**
     * As {@link #features(JpegCoefficients.Component)} with the calibrated coefficients already computed (at least
     * the modes with u + v &lt;= 3 of the grid shifted by 4, 4): what {@link JpegStegoFeatures} shares.
     */
    static double[] features(JpegCoefficients.Component c, short[] cal) {
        int bw = c.blocksWide();
        int bh = c.blocksHigh();
        JpegCoefficients.Component calibrated = new JpegCoefficients.Component(c.id(), c.h(), c.v(), c.quant(),
                bw - 1, bh - 1, cal);
        // blocks without AC energy (flat areas) stay flat under embedding, but the DC steps between them give the
        // cropped blocks AC values the cover never had: a calibrated block is used only when none of the four
        // blocks under it is flat, and the image's block at the same grid position likewise
        short[] coef = c.coefficients();
        boolean[] flat = new boolean[c.blockCount()];
        for (int b = 0; b < flat.length; b++) {
            boolean f = true;
            for (int k = 1; k < 64 && f; k++) {
                f = coef[b * 64 + k] == 0;
            }
            flat[b] = f;
        }
        boolean[] keep = new boolean[c.blockCount()];
        boolean[] keepCal = new boolean[calibrated.blockCount()];
        for (int by = 0; by < bh - 1; by++) {
            for (int bx = 0; bx < bw - 1; bx++) {
                int b = by * bw + bx;
                boolean k = !(flat[b] || flat[b + 1] || flat[b + bw] || flat[b + bw + 1]);
                keepCal[by * (bw - 1) + bx] = k;
                keep[b] = k;
            }
        }
        double beta = 0;
        for (int mode : F5_MODES) {
            double[] h = absHistogram(coef, mode, keep);
            double[] e = absHistogram(cal, mode, keepCal);
            double d = e[2] - e[1];
            double den = e[1] * e[1] + d * d;
            beta += den == 0 ? 0 : (e[1] * (h[0] - e[0]) + d * (h[1] - e[1])) / den;
        }
        beta /= F5_MODES.length;
        double l1 = 0;
        for (int v = 0; v <= LOW_MODES; v++) {
            for (int u = 0; u + v <= LOW_MODES; u++) {
                if (u + v == 0) {
                    continue;
                }
                double[] h = histogram(coef, v * 8 + u, keep);
                double[] e = histogram(cal, v * 8 + u, keepCal);
                for (int i = 0; i < h.length; i++) {
                    l1 += Math.abs(h[i] - e[i]);
                }
            }
        }
        return new double[] {beta, l1};
    }

    /** Share of the kept blocks with |c| = 0, 1, 2 at one mode. */
    private static double[] absHistogram(short[] coef, int mode, boolean[] keep) {
        double[] h = new double[3];
        int n = 0;
        for (int b = 0; b < keep.length; b++) {
            if (keep[b]) {
                n++;
                int a = Math.abs(coef[b * 64 + mode]);
                if (a < 3) {
                    h[a]++;
                }
            }
        }
        for (int i = 0; i < 3 && n > 0; i++) {
            h[i] /= n;
        }
        return h;
    }

    /** Share of the kept blocks with c = -5..5 at one mode. */
    private static double[] histogram(short[] coef, int mode, boolean[] keep) {
        double[] h = new double[11];
        int n = 0;
        for (int b = 0; b < keep.length; b++) {
            if (keep[b]) {
                n++;
                int v = coef[b * 64 + mode];
                if (v >= -5 && v <= 5) {
                    h[v + 5]++;
                }
            }
        }
        for (int i = 0; i < h.length && n > 0; i++) {
            h[i] /= n;
        }
        return h;
    }
}
