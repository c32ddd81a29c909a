package dev.starlight.core.scan;

import dev.starlight.core.model.ModelDetector;
import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Protocol;
import java.util.List;

/**
 * Turns evidence into a verdict. A recovered protocol message decides first (stego, with its method, bit order
 * and payload). Otherwise a served ONNX model decides at {@link #MODEL_THRESHOLD} (method {@code other}: the
 * model found something the extractors could not read). Without a model the image is clean, with the strongest
 * evidence as its stego probability. Statistical fusion with calibrated thresholds is a later refinement.
 */
final class VerdictRules {
    /** Reported as {@code modelVersion} while no trained model decides. */
    static final String VERSION = "core-rules-1";

    /** A model probability at or above this is a stego verdict. */
    static final double MODEL_THRESHOLD = 0.5;

    record Decision(Verdict verdict, double probability, String method, String bitOrder, Payload payload) {
    }

    Decision decide(List<Extraction> extractions, List<Evidence> evidence) {
        if (!extractions.isEmpty() && extractions.get(0).confidence() >= Protocol.MESSAGE_THRESHOLD) {
            Extraction top = extractions.get(0);
            return new Decision(Verdict.STEGO, top.confidence(), top.method().label(),
                    top.bitOrder() == null ? null : top.bitOrder().label(), Payload.of(top));
        }
        for (Evidence e : evidence) {
            if (e.detector().startsWith(ModelDetector.PREFIX) && e.score() != null) {
                return e.score() >= MODEL_THRESHOLD
                        ? new Decision(Verdict.STEGO, e.score(), "other", null, null)
                        : new Decision(Verdict.CLEAN, e.score(), null, null, null);
            }
        }
        double strongest = 0.0;
        for (Evidence e : evidence) {
            if (e.score() != null) {
                strongest = Math.max(strongest, e.score());
            }
        }
        return new Decision(Verdict.CLEAN, Math.min(strongest, Protocol.MESSAGE_THRESHOLD - 0.01), null, null, null);
    }
}
