package dev.starlight.monitor.drift;

import java.util.Arrays;

/**
 * A reference distribution as the API shows it.
 *
 * @param size          scores collected
 * @param complete      whether the reference is full and its thresholds learned
 * @param stegoRate     stego share of the reference
 * @param scoreP10      10th percentile score
 * @param scoreP50      median score
 * @param scoreP90      90th percentile score
 * @param psiThreshold  learned PSI threshold
 * @param rateThreshold learned stego-rate threshold
 */
public record ReferenceSummary(int size, boolean complete, Double stegoRate, Double scoreP10, Double scoreP50,
                               Double scoreP90, Double psiThreshold, Double rateThreshold) {
    static ReferenceSummary of(int size, Reference r) {
        if (r == null) {
            return new ReferenceSummary(size, false, null, null, null, null, null, null);
        }
        double[] s = r.scores().clone();
        Arrays.sort(s);
        return new ReferenceSummary(size, true, r.stegoRate(), s[s.length / 10], s[s.length / 2],
                s[s.length * 9 / 10], r.psiThreshold(), r.rateThreshold());
    }
}
