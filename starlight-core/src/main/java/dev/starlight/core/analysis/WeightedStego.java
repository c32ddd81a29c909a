package dev.starlight.core.analysis;

import dev.starlight.core.Evidence;
import java.util.List;
import java.util.Locale;

/**
 * Weighted stego-image analysis of LSB replacement, in one pass per plane giving two families.
 *
 * <p>{@code ws}: J. Fridrich, M. Goljan, "On estimation of secret message length in LSB steganography in spatial
 * domain", Proc. SPIE 5306, 2004, with the improvements of A. D. Ker and R. Böhme, "Revisiting weighted
 * stego-image steganalysis", Proc. SPIE 6819, 2008: the predictor is the average of the 4 neighbours, weights are
 * moderated as {@code 1 / (5 + σ²)} (σ² the variance of those neighbours), and the estimate is corrected for the
 * bias that the stego image's own flipped neighbours put into the predictor. The estimate is
 * {@code p̂ = 2 Σ wᵢ (sᵢ − s̄ᵢ)(sᵢ − F(s)ᵢ) / Σ wᵢ} over interior samples (s̄ = s with the LSB flipped). A neighbour
 * flipped by the embedding adds {@code (p/2)·ρ/(1−p)} in expectation, where ρ is the weighted mean of the parity
 * agreement {@code (sᵢ−s̄ᵢ)·¼Σⱼ(sⱼ−s̄ⱼ)} with the 4 neighbours; solving {@code p̂ = p (1 + ρ/(1−p))} for p removes
 * it. The estimate is made per row block and averaged by sample count ({@link PlaneDetector#blockCount}): the
 * weights differ between smooth and busy regions, so one weighted mean over a plane whose prefix alone carries a
 * sequential payload would not be its rate. A {@code ws} rate above 0.05 is checked against the usable samples
 * (neither saturated nor next to one): {@link PlaneDetector#checkedRate}. {@code wsseq} keeps every sample: it
 * looks for a prefix at full rate, which clipping does not imitate.
 *
 * <p>{@code wsseq}: where a sequential payload ends. Each interior sample gives a one-sample rate estimate
 * {@code xᵢ = 2(sᵢ − s̄ᵢ)(sᵢ − F(s)ᵢ)}: about 1 where every sample carries a message bit, about 0 in clean cover.
 * Tools that embed from the first pixel leave a prefix at level 1 followed by cover, so the end point is the
 * weighted least-squares fit of that step, {@code t = argmax Σ_{i<t} wᵢ(xᵢ − ½)}, found in the same row-major
 * pass. The estimate is t / samples; the detail gives the end position and the prefix's mean level. A fitted
 * prefix whose level is below {@value #MIN_LEVEL} is not a full-rate sequential payload (random-position
 * embedding, ±1 matching, noise) and gives estimate 0.
 */
public final class WeightedStego extends PlaneDetector {
    /** Lowest mean one-sample rate of a prefix taken for a sequential payload. */
    static final double MIN_LEVEL = 0.75;

    public WeightedStego() {
        super("ws", "wsseq");
    }

    @Override
    List<Evidence> analysePlaneFamilies(AnalysisPlane plane) {
        int[] s = plane.samples();
        int w = plane.width();
        int h = plane.height();
        Pass pass = run(s, w, h, null);
        return List.of(checkedRate("ws." + plane.name(), plane, pass.rate, usable -> run(s, w, h, usable).rate),
                sequentialEvidence("wsseq." + plane.name(), pass, plane.width(), plane.samples().length));
    }

    private static Evidence sequentialEvidence(String id, Pass pass, int w, int samples) {
        long end = pass.end;
        if (end == 0 || pass.level < MIN_LEVEL) {
            return new Evidence(id, 0.0, String.format(Locale.ROOT,
                    "no full-rate sequential prefix (best fit ends at sample %d, level %.2f): estimated rate 0.000",
                    end, pass.level), 0.0);
        }
        double rate = (double) end / samples;
        return new Evidence(id, clamp01(rate / 0.2), String.format(Locale.ROOT,
                "sequential payload ends near sample %d (row %d, column %d), prefix level %.2f: estimated rate %.3f",
                end, end / w, end % w, pass.level, rate), rate);
    }

    /**
     * @param rate  the block-wise WS estimate (raw, unclamped; NaN when no block could be solved)
     * @param end   the row-major index just past the fitted sequential prefix (0 when none)
     * @param level the prefix's weighted mean one-sample rate
     */
    record Pass(double rate, long end, double level) {
    }

    /**
     * Both estimates in one pass over the interior samples; with {@code usable}, the rate is over the usable
     * samples only (blocks weighted by the samples they used), while {@code wsseq} still sees every sample.
     */
    static Pass run(int[] s, int w, int h, byte[] usable) {
        int blocks = blockCount(w, h);
        double rateSum = 0;
        long rateWeight = 0;
        double usableRateSum = 0;
        long usableRateWeight = 0;
        double run = 0; // Σ wᵢ (xᵢ − ½) so far: the step fit of wsseq
        double best = 0;
        long bestEnd = 0;
        double wx = 0;
        double ww = 0;
        double bestWx = 0;
        double bestWw = 0;
        for (int b = 0; b < blocks; b++) {
            int r0 = blockStart(b, blocks, h);
            int r1 = blockStart(b + 1, blocks, h);
            double acc = 0;
            double weights = 0;
            double agree = 0;
            double uacc = 0;
            double uweights = 0;
            double uagree = 0;
            long used = 0;
            for (int r = Math.max(1, r0); r < Math.min(h - 1, r1); r++) {
                int o = r * w;
                for (int i = o + 1; i < o + w - 1; i++) {
                    int v = s[i];
                    int a = s[i - 1];
                    int c = s[i + 1];
                    int u = s[i - w];
                    int d = s[i + w];
                    int sum = a + c + u + d;
                    // 16 σ² = 4 Σ n² − (Σ n)²; weight 1 / (5 + σ²)
                    double wt = 16.0 / (80 + 4 * (a * a + c * c + u * u + d * d) - sum * sum);
                    int pi = ((v & 1) << 1) - 1;
                    double term = wt * pi * (4 * v - sum); // = 2 wᵢ xᵢ
                    int odd = (a & 1) + (c & 1) + (u & 1) + (d & 1);
                    double agreement = wt * pi * (odd * 2 - 4);
                    acc += term;
                    weights += wt;
                    agree += agreement;
                    if (usable != null) {
                        int keep = usable[i];
                        used += keep;
                        uacc += term * keep;
                        uweights += wt * keep;
                        uagree += agreement * keep;
                    }
                    wx += 0.5 * term;
                    ww += wt;
                    run += 0.5 * (term - wt);
                    if (run > best) {
                        best = run;
                        bestEnd = i + 1;
                        bestWx = wx;
                        bestWw = ww;
                    }
                }
            }
            double p = solve(acc, weights, agree);
            if (!Double.isNaN(p)) {
                long n = (long) (r1 - r0) * w;
                rateSum += p * n;
                rateWeight += n;
            }
            double kept = used >= MIN_BLOCK_USABLE ? solve(uacc, uweights, uagree) : Double.NaN;
            if (!Double.isNaN(kept)) {
                usableRateSum += kept * used;
                usableRateWeight += used;
            }
        }
        double rate = rateWeight == 0 ? Double.NaN : rateSum / rateWeight;
        if (usable != null) {
            rate = usableRateWeight == 0 ? Double.NaN : usableRateSum / usableRateWeight;
        }
        if (bestEnd == 0) {
            return new Pass(rate, 0, 0);
        }
        // the step lies between interior samples: a payload that reached a row's last interior sample covered
        // the border sample after it, and one that reached the last interior sample covered the whole plane
        if (bestEnd % w == w - 1) {
            bestEnd++;
        }
        if (bestEnd >= (long) (h - 2) * w + w - 1) {
            bestEnd = s.length;
        }
        return new Pass(rate, bestEnd, bestWx / bestWw);
    }

    /** The bias-corrected WS rate of one block's sums, NaN when it has none. */
    private static double solve(double acc, double weights, double agree) {
        if (weights <= 0) {
            return Double.NaN;
        }
        double raw = 0.5 * acc / weights;
        double rho = 0.25 * agree / weights;
        // p² − p(1 + ρ + p̂) + p̂ = 0, the root near p̂
        return smallerRoot(1, -(1 + rho + raw), raw);
    }
}
