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
 * {@code p̂ = p (1 + ρ/(1−p))} for p removes it. Family {@code ws}.
 */
public final class WeightedStego extends PlaneDetector {

    public WeightedStego() {
        super("ws");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        return rateEvidence(id, estimate(plane.samples(), plane.width(), plane.height()));
    }

    /** Raw (unclamped) estimated rate of LSB replacement over the interior samples. */
    static double estimate(int[] s, int w, int h) {
        double acc = 0;
        double weights = 0;
        double agree = 0;
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
                acc += wt * pi * (v - mean);
                weights += wt;
                int odd = (a & 1) + (b & 1) + (u & 1) + (d & 1);
                agree += wt * pi * (odd * 2 - 4) * 0.25;
            }
        }
        if (weights <= 0) {
            return Double.NaN;
        }
        double raw = 2 * acc / weights;
        double rho = agree / weights;
        // p² − p(1 + ρ + p̂) + p̂ = 0, the root near p̂
        return smallerRoot(1, -(1 + rho + raw), raw);
    }
}
