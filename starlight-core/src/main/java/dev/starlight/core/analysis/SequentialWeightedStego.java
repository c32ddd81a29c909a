package dev.starlight.core.analysis;

import dev.starlight.core.scan.Evidence;
import java.util.Locale;

/**
 * Where a sequential LSB-replacement payload ends, from the per-sample terms of weighted stego-image analysis
 * (J. Fridrich, M. Goljan, SPIE 5306, 2004; 4-neighbour predictor and moderated weights after A. D. Ker,
 * R. Böhme, SPIE 6819, 2008; see {@link WeightedStego}).
 *
 * <p>Each interior sample gives an unbiased one-sample rate estimate {@code xᵢ = 2(sᵢ − s̄ᵢ)(sᵢ − F(s)ᵢ)}: about 1
 * where every sample carries a message bit, about 0 in clean cover. Tools that embed from the first pixel leave a
 * prefix at level 1 followed by cover, so the end point is the least-squares fit of that step,
 * {@code t = argmax Σ_{i<t} wᵢ(xᵢ − ½)}, found in one row-major pass. The estimate is t / samples (the rate of a
 * sequential payload); the detail gives the end position and the mean level of the prefix. Random-position
 * embedding below rate ½ gives an end near 0. Family {@code wsseq}.
 */
public final class SequentialWeightedStego extends PlaneDetector {

    public SequentialWeightedStego() {
        super("wsseq");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        int w = plane.width();
        long end = endOf(plane.samples(), w, plane.height());
        int[] s = plane.samples();
        double rate = (double) end / s.length;
        return new Evidence(id, clamp01(rate / 0.2), String.format(Locale.ROOT,
                "sequential payload ends near sample %d (row %d, column %d): estimated rate %.3f",
                end, end / w, end % w, rate), rate);
    }

    /** Row-major index of the first sample after the fitted sequential payload (0 when none). */
    static long endOf(int[] s, int w, int h) {
        double run = 0;
        double best = 0;
        long bestEnd = 0;
        for (int r = 1; r < h - 1; r++) {
            int o = r * w;
            for (int c = 1; c < w - 1; c++) {
                int i = o + c;
                int a = s[i - 1];
                int b = s[i + 1];
                int u = s[i - w];
                int d = s[i + w];
                double mean = (a + b + u + d) * 0.25;
                double var = (a * a + b * b + u * u + d * d) * 0.25 - mean * mean;
                double wt = 1.0 / (5.0 + var);
                int v = s[i];
                int pi = ((v & 1) << 1) - 1;
                run += wt * (2 * pi * (v - mean) - 0.5);
                if (run > best) {
                    best = run;
                    bestEnd = i + 1;
                }
            }
        }
        if (bestEnd == 0) {
            return 0;
        }
        // the step sits between interior samples: a payload that reached the end of a row also covered its border
        long col = bestEnd % w;
        if (col == w - 1) {
            bestEnd++;
        }
        if (bestEnd >= (long) (h - 2) * w + w - 1) {
            return s.length;
        }
        return bestEnd;
    }
}
