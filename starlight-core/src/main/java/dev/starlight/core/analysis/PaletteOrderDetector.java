package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.Palette;
import dev.starlight.core.Evidence;
import java.util.Arrays;

/**
 * The order of palette entries. Encoders emit palettes in an order with structure: sorted by luminance or by
 * value, built by octree or median cut (neighbours similar in colour), or sorted by how often each entry is used.
 * Palette-permutation tools (gifshuffle) store the message in the order itself, which then looks random with
 * respect to colour and to usage.
 *
 * <p>Statistic, over the used entries in palette order: the mean colour distance between consecutive entries
 * divided by the mean distance between all pairs. A random order gives about 1; ordered palettes far less (the
 * 77 GIF covers of the corpus: 0.01 to 0.29, median 0.10). gifshuffle with a short message scrambles only part
 * of the palette and keeps the rest in its canonical sorted order, so its ratios spread from 0.1 to 0.8 (median
 * 0.40 for 160-byte messages). An order that follows usage frequency (rank correlation of position and pixel
 * count) is explained and scores low.
 */
public final class PaletteOrderDetector extends SingleEvidenceDetector {
    static final String FAMILY = "palette.order";
    static final int MIN_ENTRIES = 16;
    /** Ratio scored 0.5: above every corpus cover with a margin, below half of gifshuffle's 160-byte stego. */
    static final double MIDPOINT = 0.35;

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
        double score = score(s);
        String detail = String.format("%d used entries: consecutive/pairwise colour distance %.2f "
                + "(random order ~1); rank correlation with usage %.2f", s.used, s.ratio, s.usageCorrelation);
        return new Evidence(FAMILY, score, detail);
    }

    record Stats(int used, double ratio, double usageCorrelation) {
    }

    static double score(Stats s) {
        if (Math.abs(s.usageCorrelation) >= 0.8) {
            return 0.05;
        }
        return 1.0 / (1.0 + Math.exp(-(s.ratio - MIDPOINT) * 20));
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
