package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.Palette;
import dev.starlight.core.Evidence;
import java.util.Arrays;

/**
 * The order of palette entries, judged for what palette-permutation stego does. gifshuffle sorts the colour table by
 * 24-bit RGB value and stores the message as a permutation of it: a message shorter than the table's capacity
 * leaves a head still sorted by value and a scrambled tail whose entries belong inside the head's value range
 * (they were taken out of the sorted order). Ordinary encoders order palettes by frequency, first use, octree or
 * median-cut buckets, or arbitrarily: an unsorted palette is ordinary, and a palette sorted by value from the start
 * is either fully sorted or followed by entries outside the head's range (unused fill, appended colours).
 *
 * <p>Measured with {@code bin/metadata-survey} on {@code bin/metadata-corpus} (docs/metadata-policy.md): ImageMagick
 * and gifsicle GIFs from photos and web-safe/grey palettes have sorted heads of at most 7 entries (the clean zoo's
 * dithered and animated GIFs: 9 and 10), or of 10 to 116
 * entries with no tail entry inside their range; gifshuffle stego has heads of 15 to 234 entries with 17 to 100 % of
 * the tail inside. The old statistic (consecutive/pairwise colour distance) is still reported; alone it cannot
 * tell an arbitrary order from a permutation (web-safe palettes reach 0.41-0.45, gifshuffle 0.28-1.0).
 */
public final class PaletteOrderDetector extends SingleEvidenceDetector {
    static final String FAMILY = "palette.order";
    public static final int MIN_ENTRIES = 16;
    /**
     * A head sorted by value this long arises by chance in 1 of 12! (4.8e8) arbitrary orders. Dithered and animated
     * GIFs of the clean zoo (ImageMagick from photos) reach sorted heads of 9 and 10 entries with their tail inside
     * the head's range; gifshuffle's heads measured 15 to 234 (51 to 126 with a 160-byte message).
     */
    static final int SORTED_HEAD_MIN = 12;
    /** Share of the tail inside the head's value range from which the tail is read as taken out of the order. */
    static final double INTERLEAVED_MIN = 0.15;

    public PaletteOrderDetector() {
        super(FAMILY);
    }

    @Override
    Evidence evidence(DecodedImage image, byte[] file) {
        String why = PaletteStats.whyNot(image);
        if (why != null) {
            return Evidence.notRun(FAMILY, why);
        }
        Stats s = stats(image);
        if (s == null) {
            return Evidence.notRun(FAMILY, "fewer than " + MIN_ENTRIES + " palette entries in use");
        }
        SortedHead h = sortedHead(image.palette());
        double score = h.permuted() ? 0.95 : Math.min(0.3, score(s));
        String detail = String.format("head sorted by value: %d of %d entries, %.0f%% of the rest inside its range%s; "
                + "%d used entries: consecutive/pairwise colour distance %.2f (random order ~1); rank correlation "
                + "with usage %.2f", h.length(), h.size(), 100 * h.interleaved(),
                h.permuted() ? " (a sorted table with a permuted tail, as gifshuffle leaves it)" : "",
                s.used, s.ratio, s.usageCorrelation);
        return new Evidence(FAMILY, score, detail);
    }

    record Stats(int used, double ratio, double usageCorrelation) {
    }

    /**
     * The run of entries ascending by 24-bit RGB value at the start of the table and the share of the other entries
     * whose value lies inside that run's range.
     */
    public record SortedHead(int length, int size, double interleaved) {
        /** A sorted head long enough not to be chance, with a tail taken from inside it: gifshuffle's mark. */
        public boolean permuted() {
            return length >= SORTED_HEAD_MIN && length < size && interleaved >= INTERLEAVED_MIN;
        }
    }

    public static SortedHead sortedHead(Palette p) {
        int[] rgb = p.rgb();
        int n = p.size();
        int k = n == 0 ? 0 : 1;
        while (k < n && (rgb[k - 1] & 0xFFFFFF) < (rgb[k] & 0xFFFFFF)) {
            k++;
        }
        if (k == n) {
            return new SortedHead(k, n, 0);
        }
        int lo = rgb[0] & 0xFFFFFF;
        int hi = rgb[k - 1] & 0xFFFFFF;
        int inside = 0;
        for (int i = k; i < n; i++) {
            int v = rgb[i] & 0xFFFFFF;
            inside += v > lo && v < hi ? 1 : 0;
        }
        return new SortedHead(k, n, inside / (double) (n - k));
    }

    static double score(Stats s) {
        if (Math.abs(s.usageCorrelation) >= 0.8) {
            return 0.05;
        }
        return 1.0 / (1.0 + Math.exp(-(s.ratio - 0.35) * 20));
    }

    /** The order statistics, or null when too few entries are in use to judge an order. */
    static Stats stats(DecodedImage image) {
        Palette p = image.palette();
        int[] counts = PaletteStats.usage(image);
        int used = 0;
        int[] order = new int[p.size()];
        for (int i = 0; i < p.size(); i++) {
            if (counts[i] > 0) {
                order[used++] = i;
            }
        }
        if (used < MIN_ENTRIES) {
            return null;
        }
        double pairSum = 0;
        for (int a = 0; a < used; a++) {
            for (int b = a + 1; b < used; b++) {
                pairSum += PaletteStats.distance(p, order[a], order[b]);
            }
        }
        double pairMean = pairSum / ((double) used * (used - 1) / 2);
        if (pairMean == 0) {
            return null;
        }
        double stepSum = 0;
        for (int i = 0; i + 1 < used; i++) {
            stepSum += PaletteStats.distance(p, order[i], order[i + 1]);
        }
        double ratio = stepSum / (used - 1) / pairMean;
        double[] usedCounts = new double[used];
        for (int i = 0; i < used; i++) {
            usedCounts[i] = counts[order[i]];
        }
        return new Stats(used, ratio, rankCorrelation(usedCounts));
    }

    /** Spearman correlation between position and value (ties take the mean rank). */
    static double rankCorrelation(double[] values) {
        int n = values.length;
        Integer[] byValue = new Integer[n];
        for (int i = 0; i < n; i++) {
            byValue[i] = i;
        }
        Arrays.sort(byValue, (a, b) -> Double.compare(values[a], values[b]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && values[byValue[j + 1]] == values[byValue[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0;
            for (int k = i; k <= j; k++) {
                rank[byValue[k]] = mean;
            }
            i = j + 1;
        }
        double mean = (n - 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = i - mean;
            double dy = rank[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
