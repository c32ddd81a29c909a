package dev.starlight.core.analysis;

import dev.starlight.core.scan.Evidence;

/**
 * Weighted stego-image analysis of LSB replacement: J. Fridrich, M. Goljan, "On estimation of secret message
 * length in LSB steganography in spatial domain", Proc. SPIE 5306, 2004, with the improvements of A. D. Ker and
 * R. Böhme, "Revisiting weighted stego-image steganalysis", Proc. SPIE 6819, 2008: the predictor is the average
 * of the 4 neighbours, weights are moderated as {@code 1 / (5 + σ²)} (σ² the variance of those neighbours), and
 * the estimate is corrected for the bias that the stego image's own flipped neighbours put into the predictor.
 *
 * <p>The estimate is {@code p̂ = 2 Σ wᵢ (sᵢ − s̄ᵢ)(sᵢ − F(s)ᵢ) / Σ wᵢ} over interior samples (s̄ = s with the
 * LSB flipped). A neighbour flipped by the embedding adds {@code (p/2)·ρ/(1−p)} in expectation, where ρ is the
 * weighted mean over samples of the parity agreement {@code (sᵢ−s̄ᵢ)·¼Σⱼ(sⱼ−s̄ⱼ)} with the 4 neighbours; solving
 * {@code p̂ = p (1 + ρ/(1−p))} for p removes it. The estimate is made per row block and averaged by sample count
 * ({@link PlaneDetector#blockCount}): the weights differ between smooth and busy regions, so one weighted mean over
 * a plane whose prefix alone carries a sequential payload would not be its rate. Family {@code ws}.
 */
public final class WeightedStego extends PlaneDetector {

    public WeightedStego() {
        super("ws");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        return rateEvidence(id, estimate(plane.samples(), plane.width(), plane.height()));
    }

    /** Raw (unclamped) estimated rate of LSB replacement, NaN when no block could be solved. */
    static double estimate(int[] s, int w, int h) {
        int blocks = blockCount(w, h);
        double sum = 0;
        long weight = 0;
        for (int b = 0; b < blocks; b++) {
            int r0 = blockStart(b, blocks, h);
            int r1 = blockStart(b + 1, blocks, h);
            double p = estimateRows(s, w, h, r0, r1);
            if (!Double.isNaN(p)) {
                long n = (long) (r1 - r0) * w;
                sum += p * n;
                weight += n;
            }
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** WS over the interior samples of rows r0..r1−1 (neighbours may lie outside those rows). */
    static double estimateRows(int[] s, int w, int h, int r0, int r1) {
        double acc = 0;
        double weights = 0;
        double agree = 0;
        for (int r = Math.max(1, r0); r < Math.min(h - 1, r1); r++) {
            int o = r * w;
            for (int i = o + 1; i < o + w - 1; i++) {
                int a = s[i - 1];
                int b = s[i + 1];
                int u = s[i - w];
                int d = s[i + w];
                int sum = a + b + u + d;
                // 16 σ² = 4 Σ n² − (Σ n)²; weight 1 / (5 + σ²)
                double wt = 16.0 / (80 + 4 * (a * a + b * b + u * u + d * d) - sum * sum);
                int v = s[i];
                int pi = ((v & 1) << 1) - 1;
                acc += wt * pi * (4 * v - sum);
                weights += wt;
                int odd = (a & 1) + (b & 1) + (u & 1) + (d & 1);
                agree += wt * pi * (odd * 2 - 4);
            }
        }
        if (weights <= 0) {
            return Double.NaN;
        }
        double raw = 0.5 * acc / weights;
        double rho = 0.25 * agree / weights;
        // p² − p(1 + ρ + p̂) + p̂ = 0, the root near p̂
        return smallerRoot(1, -(1 + rho + raw), raw);
    }
}
