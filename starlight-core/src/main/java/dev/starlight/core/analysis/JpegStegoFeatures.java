package dev.starlight.core.analysis;

import dev.starlight.codecs.image.JpegCoefficients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Features of a JPEG's luma coefficients that see what embedders change, in the manner of Pevný and Fridrich's
 * calibrated merged features (CC-PEV, "Merging Markov and DCT features for multi-class JPEG steganalysis", SPIE
 * 2007), cut to what fits a few milliseconds per 512² image. A set of statistics S is computed on the image's
 * coefficients and on a calibrated estimate of its cover (decompressed, cropped by 4 pixels, compressed again on the
 * 8x8 grid with the same table, as {@link JpegCalibrationDetector}); the features are S(image) - S(calibrated) and
 * S(image) itself (Cartesian calibration, Kodovský and Fridrich, "Calibration revisited", MM&amp;Sec 2009):
 * <ul>
 *   <li>the global AC histogram (values -5..5, 11), and the histograms of the five lowest AC modes (55): every
 *       embedder here changes them, F5 by shrinkage, jsteg by equalising the pairs (2k, 2k+1);</li>
 *   <li>intra-block co-occurrences (neighbouring modes in one block, 25) and inter-block co-occurrences (one mode
 *       in neighbouring blocks, 25) of values clipped to -2..2: steghide and OutGuess keep the histogram but not
 *       these dependencies;</li>
 *   <li>the share of non-zero AC coefficients and the share of ±1 among them, the blockiness of the decompressed
 *       pixels (L1 and L2 over block boundaries), the variation of each mode between neighbouring blocks, and the
 *       jsteg pair equalisation of the global histogram.</li>
 * </ul>
 * Besides: the Markov features of Shi, Chen and Chen (81 transition probabilities of neighbour differences of
 * absolute coefficients, see {@code markov}) as image minus calibrated, the F5 shrinkage beta and per-mode L1 of
 * {@link JpegCalibrationDetector}, and the quality ({@code q.low}: log of the mean quantisation step of the five
 * lowest AC modes). The classifier conditions on the quality through products of the first differences with
 * {@code q.low} ({@link #NAMES} lists every feature). Stateless.
 */
public final class JpegStegoFeatures {
    /** The five lowest AC modes (natural order): (0,1), (1,0), (1,1), (0,2), (2,0). */
    private static final int[] LOW = {1, 8, 9, 2, 16};
    /** Modes whose neighbours form the co-occurrences: u + v &lt;= 4, DC excluded. */
    private static final int[] CO_MODES;
    private static final int STAT_COUNT = 11 + 55 + 25 + 25 + 6;
    /** Feature names, in the order {@link #of} fills them. */
    public static final List<String> NAMES;

    static {
        List<Integer> modes = new ArrayList<>();
        for (int k = 1; k < 64; k++) {
            if ((k >> 3) + (k & 7) <= 4) {
                modes.add(k);
            }
        }
        CO_MODES = modes.stream().mapToInt(Integer::intValue).toArray();
        List<String> n = new ArrayList<>();
        for (String s : statNames()) {
            n.add("d." + s);
        }
        for (String s : statNames()) {
            n.add("s." + s);
        }
        for (int i = -4; i <= 4; i++) {
            for (int j = -4; j <= 4; j++) {
                n.add("d.markov" + i + "." + j);
            }
        }
        n.add("beta");
        n.add("calib.l1");
        n.add("q.low");
        List<String> stats = statNames();
        for (int i = 0; i < 11; i++) {
            n.add("q*d." + stats.get(i));
        }
        for (int i = STAT_COUNT - 6; i < STAT_COUNT; i++) {
            n.add("q*d." + stats.get(i));
        }
        n.addAll(List.of("flip.diff", "flip.ratio", "d.flip.diff", "q*flip.diff"));
        NAMES = Collections.unmodifiableList(n);
    }

    private JpegStegoFeatures() {
    }

    private static List<String> statNames() {
        List<String> n = new ArrayList<>();
        for (int v = -5; v <= 5; v++) {
            n.add("h" + v);
        }
        for (int m : LOW) {
            for (int v = -5; v <= 5; v++) {
                n.add("h" + (m >> 3) + (m & 7) + "." + v);
            }
        }
        for (int a = -2; a <= 2; a++) {
            for (int b = -2; b <= 2; b++) {
                n.add("intra" + a + "." + b);
            }
        }
        for (int a = -2; a <= 2; a++) {
            for (int b = -2; b <= 2; b++) {
                n.add("inter" + a + "." + b);
            }
        }
        n.addAll(List.of("nz", "ones", "block.l1", "block.l2", "variation", "pairs"));
        return n;
    }

    /** The features of one component (normally luma); null when it has fewer than 3x3 blocks. */
    public static double[] of(JpegCoefficients.Component c) {
        JpegLuma.Calibration calibration = JpegLuma.calibrate(c);
        return calibration == null ? null : of(c, calibration);
    }

    /** {@link #of(JpegCoefficients.Component)} with the calibration already computed. */
    static double[] of(JpegCoefficients.Component c, JpegLuma.Calibration calibration) {
        float[] plane = calibration.plane();
        JpegCoefficients.Component calibrated = calibration.calibrated();
        short[] cal = calibrated.coefficients();
        float[] calPlane = JpegLuma.decompressBlockEdges(calibrated); // only blockiness reads it
        double[] s = stats(c, plane);
        double[] e = stats(calibrated, calPlane);
        double[] calib = JpegCalibrationDetector.features(c, cal);
        double[] f = new double[NAMES.size()];
        int i = 0;
        for (int k = 0; k < STAT_COUNT; k++) {
            f[i++] = s[k] - e[k];
        }
        for (int k = 0; k < STAT_COUNT; k++) {
            f[i++] = s[k];
        }
        double[] m = markov(c);
        double[] me = markov(calibrated);
        for (int k = 0; k < 81; k++) {
            f[i++] = m[k] - me[k];
        }
        f[i++] = calib[0];
        f[i++] = calib[1];
        double q = quality(c.quant());
        f[i++] = q;
        for (int k = 0; k < 11; k++) {
            f[i++] = q * f[k];
        }
        for (int k = STAT_COUNT - 6; k < STAT_COUNT; k++) {
            f[i++] = q * f[k];
        }
        double[] flip = LsbPairBlockiness.of(c);
        f[i++] = flip[0];
        f[i++] = flip[1];
        f[i++] = flip[0] - LsbPairBlockiness.of(calibrated)[0];
        f[i++] = q * flip[0];
        return f;
    }

    /** Log of the mean quantisation step of the five lowest AC modes (about 0 at quality 100, 2.3 at 50). */
    static double quality(int[] quant) {
        double sum = 0;
        for (int m : LOW) {
            sum += quant[m];
        }
        return Math.log(sum / LOW.length);
    }

    /** Non-zero AC coefficients of the component: what embedding rates of F5 and jsteg are counted against. */
    public static int nonZeroAc(JpegCoefficients.Component c) {
        short[] coef = c.coefficients();
        int n = 0;
        for (int i = 0; i < coef.length; i++) {
            if ((i & 63) != 0 && coef[i] != 0) {
                n++;
            }
        }
        return n;
    }

    /** Values counted one by one in the global histogram; those beyond go to the two end bins. */
    private static final int HIST_RANGE = 32;

    private static double[] stats(JpegCoefficients.Component c, float[] plane) {
        double[] s = new double[STAT_COUNT];
        short[] coef = c.coefficients();
        int bw = c.blocksWide();
        int bh = c.blocksHigh();
        int blocks = bw * bh;
        // one histogram of the AC values (clamped to -32..32) gives the global histogram, the non-zero share, the
        // ones and the pair counts for jsteg (values 2..21 and -20..-1)
        int[] hist = new int[2 * HIST_RANGE + 1];
        for (int b = 0; b < blocks; b++) {
            int o = b * 64;
            for (int k = 1; k < 64; k++) {
                hist[Math.max(-HIST_RANGE, Math.min(HIST_RANGE, coef[o + k])) + HIST_RANGE]++;
            }
        }
        double ac = blocks * 63.0;
        for (int v = -5; v <= 5; v++) {
            s[v + 5] = hist[v + HIST_RANGE] / ac;
        }
        long nz = (long) blocks * 63 - hist[HIST_RANGE];
        int ones = hist[HIST_RANGE + 1] + hist[HIST_RANGE - 1];
        double[] pairs = new double[40];
        for (int v = 2; v < 22; v++) {
            pairs[v - 2] = hist[v + HIST_RANGE];
        }
        for (int v = -1; v > -21; v--) {
            pairs[20 + (-v - 1)] = hist[v + HIST_RANGE];
        }
        int at = 11;
        int[] mode = new int[11];
        for (int m : LOW) {
            java.util.Arrays.fill(mode, 0);
            for (int b = 0; b < blocks; b++) {
                int v = coef[b * 64 + m];
                if (v >= -5 && v <= 5) {
                    mode[v + 5]++;
                }
            }
            for (int v = 0; v < 11; v++) {
                s[at + v] = mode[v] / (double) blocks;
            }
            at += 11;
        }
        // intra-block: each co-mode with its right and lower neighbour in the block
        int[] pair = new int[25];
        long intraN = 0;
        for (int b = 0; b < blocks; b++) {
            int o = b * 64;
            for (int k : CO_MODES) {
                int a = clip(coef[o + k]) * 5;
                if ((k & 7) < 7) {
                    pair[a + clip(coef[o + k + 1])]++;
                    intraN++;
                }
                if (k < 56) {
                    pair[a + clip(coef[o + k + 8])]++;
                    intraN++;
                }
            }
        }
        for (int j = 0; j < 25; j++) {
            s[at + j] = pair[j] / (double) Math.max(1, intraN);
        }
        at += 25;
        // inter-block: each co-mode with the same mode in the right and lower block; variation over all AC modes
        java.util.Arrays.fill(pair, 0);
        long interN = 0;
        long variation = 0;
        long variationN = 0;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int o = (by * bw + bx) * 64;
                boolean hasRight = bx + 1 < bw;
                boolean hasDown = by + 1 < bh;
                int right = o + 64;
                int down = o + bw * 64;
                for (int k : CO_MODES) {
                    int a = clip(coef[o + k]) * 5;
                    if (hasRight) {
                        pair[a + clip(coef[right + k])]++;
                    }
                    if (hasDown) {
                        pair[a + clip(coef[down + k])]++;
                    }
                }
                if (hasRight) {
                    interN += CO_MODES.length;
                    variationN += 63;
                    variation += absDifference(coef, o, right);
                }
                if (hasDown) {
                    interN += CO_MODES.length;
                    variationN += 63;
                    variation += absDifference(coef, o, down);
                }
            }
        }
        for (int j = 0; j < 25; j++) {
            s[at + j] = pair[j] / (double) Math.max(1, interN);
        }
        at += 25;
        s[at++] = nz / ac;
        s[at++] = nz == 0 ? 0 : ones / (double) nz;
        double[] block = blockiness(plane, bw * 8, bh * 8);
        s[at++] = block[0];
        s[at++] = block[1];
        s[at++] = variation / (double) Math.max(1, variationN);
        double eq = 0;
        double total = 0;
        for (int p = 0; p < 40; p += 2) {
            double sum = pairs[p] + pairs[p + 1];
            if (sum > 0) {
                eq += Math.abs(pairs[p] - pairs[p + 1]);
                total += sum;
            }
        }
        s[at] = total == 0 ? 0 : eq / total;
        return s;
    }

    /**
     * The Markov features of Shi, Chen and Chen ("A Markov process based approach to effective attacking JPEG
     * steganography", IH 2006) as the merged set uses them: on the array of absolute coefficients laid out as the
     * image (each block in its place), the differences between neighbours in four directions, clipped to -4..4,
     * and their transition probabilities from one difference to the next along the same direction; the 81
     * probabilities averaged over the four directions.
     */
    private static double[] markov(JpegCoefficients.Component c) {
        short[] coef = c.coefficients();
        int bw = c.blocksWide();
        int w = bw * 8;
        int h = c.blocksHigh() * 8;
        // one row of absolute coefficients laid out as the image, and the clipped differences (0..8) between rows
        // y and y + 1 in the four directions; each row's differences are computed once and used for two rows
        int[] row0 = new int[w];
        int[] row1 = new int[w];
        int[] row2 = new int[w];
        int[] dh0 = new int[w];
        int[] dh1 = new int[w];
        int[] dv0 = new int[w];
        int[] dv1 = new int[w];
        int[] dd0 = new int[w];
        int[] dd1 = new int[w];
        int[] dm0 = new int[w];
        int[] dm1 = new int[w];
        int[] counts = new int[4 * 81];
        if (h < 3 || w < 3) {
            return new double[81];
        }
        absRow(coef, bw, 0, row0);
        absRow(coef, bw, 1, row1);
        differences(row0, row1, dh0, dv0, dd0, dm0);
        for (int y = 0; y + 2 < h; y++) {
            absRow(coef, bw, y + 2, row2);
            differences(row1, row2, dh1, dv1, dd1, dm1);
            for (int x = 0; x + 2 < w; x++) {
                // horizontal: (a[y][x] - a[y][x+1]) then (a[y][x+1] - a[y][x+2])
                counts[dh0[x] * 9 + dh0[x + 1]]++;
                // vertical: (a[y][x] - a[y+1][x]) then (a[y+1][x] - a[y+2][x])
                counts[81 + dv0[x] * 9 + dv1[x]]++;
                // diagonal: (a[y][x] - a[y+1][x+1]) then (a[y+1][x+1] - a[y+2][x+2])
                counts[162 + dd0[x] * 9 + dd1[x + 1]]++;
                // minor diagonal: (a[y+1][x] - a[y][x+1]) then (a[y+2][x] - a[y+1][x+1])
                counts[243 + dm0[x] * 9 + dm1[x]]++;
            }
            int[] t = row1;
            row1 = row2;
            row2 = t;
            t = dh0;
            dh0 = dh1;
            dh1 = t;
            t = dv0;
            dv0 = dv1;
            dv1 = t;
            t = dd0;
            dd0 = dd1;
            dd1 = t;
            t = dm0;
            dm0 = dm1;
            dm1 = t;
        }
        double[] m = new double[81];
        for (int d = 0; d < 4; d++) {
            int o = d * 81;
            for (int i = 0; i < 9; i++) {
                double row = 0;
                for (int j = 0; j < 9; j++) {
                    row += counts[o + i * 9 + j];
                }
                for (int j = 0; j < 9 && row > 0; j++) {
                    m[i * 9 + j] += counts[o + i * 9 + j] / row / 4;
                }
            }
        }
        return m;
    }

    /** Row {@code y} of the absolute coefficients laid out as the image (each block in its place). */
    private static void absRow(short[] coef, int bw, int y, int[] out) {
        int base = ((y >> 3) * bw << 6) + ((y & 7) << 3);
        for (int bx = 0; bx < bw; bx++) {
            int o = base + (bx << 6);
            int x0 = bx << 3;
            for (int u = 0; u < 8; u++) {
                out[x0 + u] = Math.abs(coef[o + u]);
            }
        }
    }

    /**
     * The clipped differences (index 0..8) starting on row {@code a} with {@code b} the row below: horizontal
     * a[x] - a[x+1], vertical a[x] - b[x], diagonal a[x] - b[x+1], minor diagonal b[x] - a[x+1].
     */
    private static void differences(int[] a, int[] b, int[] dh, int[] dv, int[] dd, int[] dm) {
        int w = a.length;
        for (int x = 0; x + 1 < w; x++) {
            dh[x] = markovClip(a[x] - a[x + 1]);
            dd[x] = markovClip(a[x] - b[x + 1]);
            dm[x] = markovClip(b[x] - a[x + 1]);
        }
        for (int x = 0; x < w; x++) {
            dv[x] = markovClip(a[x] - b[x]);
        }
    }

    private static int markovClip(int d) {
        return Math.max(-4, Math.min(4, d)) + 4;
    }

    /** Mean absolute and root mean square difference across the 8x8 block boundaries of a plane. */
    private static double[] blockiness(float[] p, int w, int h) {
        double l1 = 0;
        double l2 = 0;
        long n = 0;
        for (int y = 0; y < h; y++) {
            int r = y * w;
            for (int x = 8; x < w; x += 8) {
                double d = p[r + x] - p[r + x - 1];
                l1 += Math.abs(d);
                l2 += d * d;
                n++;
            }
        }
        for (int y = 8; y < h; y += 8) {
            int r = y * w;
            for (int x = 0; x < w; x++) {
                double d = p[r + x] - p[r - w + x];
                l1 += Math.abs(d);
                l2 += d * d;
                n++;
            }
        }
        return n == 0 ? new double[2] : new double[] {l1 / n, Math.sqrt(l2 / n)};
    }

    /** Sum of |a[k] - b[k]| over the 63 AC modes of the blocks at {@code a} and {@code b} (fits an int). */
    private static int absDifference(short[] coef, int a, int b) {
        int sum = 0;
        for (int k = 1; k < 64; k++) {
            sum += Math.abs(coef[a + k] - coef[b + k]);
        }
        return sum;
    }

    private static int clip(int v) {
        return Math.max(-2, Math.min(2, v)) + 2;
    }
}
