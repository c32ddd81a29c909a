package dev.starlight.core.analysis;

import dev.starlight.core.Evidence;
import java.util.List;

/**
 * One payload-rate estimate for an image from its evidence: the mean over the colour planes (or palette indices)
 * of the Weighted Stego estimates, else of Sample Pairs, else of RS. Null when none of them ran.
 */
public final class PayloadEstimate {
    private static final List<String> PREFERENCE = List.of("ws", "spa", "rs");

    private PayloadEstimate() {
    }

    public static Double of(List<Evidence> evidence) {
        for (String family : PREFERENCE) {
            double sum = 0;
            int n = 0;
            for (Evidence e : evidence) {
                if (e.estimate() == null || !e.detector().startsWith(family + ".")) {
                    continue;
                }
                String plane = e.detector().substring(family.length() + 1);
                if (PlaneGroup.of(plane) == PlaneGroup.COLOUR || PlaneGroup.of(plane) == PlaneGroup.INDEX) {
                    sum += Math.max(0, e.estimate());
                    n++;
                }
            }
            if (n > 0) {
                return sum / n;
            }
        }
        return null;
    }
}
