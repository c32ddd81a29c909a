package dev.starlight.core.analysis;

import dev.starlight.core.scan.Evidence;
import java.util.Locale;

/**
 * Where a sequential LSB-replacement payload ends, from the per-sample terms of weighted stego-image analysis
 * (J. Fridrich, M. Goljan, "On estimation of secret message length in LSB steganography in spatial domain",
 * SPIE 5306, 2004; 4-neighbour predictor and moderated weights after A. D. Ker, R. Böhme, "Revisiting weighted
 * stego-image steganalysis", SPIE 6819, 2008; see {@link WeightedStego}).
 *
 * <p>Each interior sample gives a one-sample rate estimate {@code xᵢ = 2(sᵢ − s̄ᵢ)(sᵢ − F(s)ᵢ)}: about 1 where
 * every sample carries a message bit, about 0 in clean cover. Tools that embed from the first pixel leave a
 * prefix at level 1 followed by cover, so the end point is the weighted least-squares fit of that step,
 * {@code t = argmax Σ_{i<t} wᵢ(xᵢ − ½)}, found in one row-major pass. The estimate is t / samples, the rate of
 * that sequential payload; the detail gives the end position and the prefix's mean level. A fitted prefix whose
 * level is below {@value #MIN_LEVEL} is not a full-rate sequential payload (random-position embedding, ±1
 * matching, noise) and gives estimate 0. Family {@code wsseq}.
 */
public final class SequentialWeightedStego extends PlaneDetector {
    /** Lowest mean one-sample rate of a prefix taken for a sequential payload. */
    static final double MIN_LEVEL = 0.75;

    public SequentialWeightedStego() {
        super("wsseq");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        int w = plane.width();
        int[] s = plane.samples();
        double[] fit = fit(s, w, plane.height());
        long end = (long) fit[0];
        double level = fit[1];
        if (end == 0 || level < MIN_LEVEL) {
            return new Evidence(id, 0.0, String.format(Locale.ROOT,
                    "no full-rate sequential prefix (best fit ends at sample %d, level %.2f): estimated rate 0.000",
                    end, level), 0.0);
        }
        double rate = (double) end / s.length;
        return new Evidence(id, clamp01(rate / 0.2), String.format(Locale.ROOT,
                "sequential payload ends near sample %d (row %d, column %d), prefix level %.2f: estimated rate %.3f",
                end, end / w, end % w, level, rate), rate);
    }

    /** {end, level}: the row-major index just past the fitted prefix (0 when none) and its mean xᵢ. */
    static double[] fit(int[] s, int w, int h) {
        double run = 0;
        double best = 0;
        long bestEnd = 0;
        double wx = 0;
        double ww = 0;
        double bestWx = 0;
        double bestWw = 0;
        for (int r = 1; r < h - 1; r++) {
            int o = r * w;
            for (int i = o + 1; i < o + w - 1; i++) {
                int a = s[i - 1];
                int b = s[i + 1];
                int u = s[i - w];
                int d = s[i + w];
                int sum = a + b + u + d;
                double wt = 16.0 / (80 + 4 * (a * a + b * b + u * u + d * d) - sum * sum);
                int v = s[i];
                int pi = ((v & 1) << 1) - 1;
                double x = 0.5 * pi * (4 * v - sum);
                wx += wt * x;
                ww += wt;
                run += wt * (x - 0.5);
                if (run > best) {
                    best = run;
                    bestEnd = i + 1;
                    bestWx = wx;
                    bestWw = ww;
                }
            }
        }
        if (bestEnd == 0) {
            return new double[] {0, 0};
        }
        // the step lies between interior samples: a payload that reached a row's last interior sample covered
        // the border sample after it, and one that reached the last interior sample covered the whole plane
        if (bestEnd % w == w - 1) {
            bestEnd++;
        }
        if (bestEnd >= (long) (h - 2) * w + w - 1) {
            bestEnd = s.length;
        }
        return new double[] {bestEnd, bestWx / bestWw};
    }
}
