package dev.starlight.core.scan;

import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Protocol;
import java.util.List;

/**
 * Turns evidence into a verdict. For now, a recovered protocol message decides (stego, with its method, bit
 * order and payload); otherwise the image is clean, with the strongest evidence as its stego probability.
 * Statistical fusion and the ONNX model replace the second half of this rule.
 */
final class VerdictRules {
    /** Reported as {@code modelVersion} while no trained model decides. */
    static final String VERSION = "core-rules-1";

    record Decision(Verdict verdict, double probability, String method, String bitOrder, Payload payload) {
    }

    Decision decide(List<Extraction> extractions, List<Evidence> evidence) {
        if (!extractions.isEmpty() && extractions.get(0).confidence() >= Protocol.MESSAGE_THRESHOLD) {
            Extraction top = extractions.get(0);
            return new Decision(Verdict.STEGO, top.confidence(), top.method().label(),
                    top.bitOrder() == null ? null : top.bitOrder().label(), Payload.of(top));
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
