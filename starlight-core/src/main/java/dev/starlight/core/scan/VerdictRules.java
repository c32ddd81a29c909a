package dev.starlight.core.scan;

import dev.starlight.core.Evidence;

import dev.starlight.core.analysis.JpegStegoModel;
import dev.starlight.core.analysis.fusion.FusionModel;
import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Protocol;
import java.util.List;
import java.util.Set;

/**
 * Turns evidence into a verdict, in this order:
 * <ol>
 *   <li>a recovered protocol message decides (stego, with its method, bit order and payload);</li>
 *   <li>otherwise the image is stego when the statistical fusion, a served ONNX model or the JPEG classifier
 *       ({@code jpeg.stego}, only for a tool its fit lists as deciding: that tool's held-out FPR was
 *       within target) says so (each at its own operating point, mapped to 0.5; the served
 *       model's is the fusion fit's for it and the image group where the fit has one), with the strongest one's
 *       probability; the fusion names the method from its strongest feature, a model alone the method its method
 *       head names ({@code other} without one), the JPEG classifier the tool whose detector fired ({@code steghide},
 *       {@code outguess}, {@code f5} or {@code jsteg});</li>
 *   <li>otherwise it is clean, with the higher of the two probabilities (below 0.5).</li>
 * </ol>
 * Without a fusion fit and without a model, an image with no message is clean.
 */
final class VerdictRules {
    /** Reported as {@code modelVersion} while no trained model decides (followed by the fusion fit's version). */
    static final String VERSION = "core-rules-2";

    /** A model or JPEG classifier probability at or above this is a stego verdict (unless the fusion fit says higher
     *  for the served model: {@link FusionModel.ModelOperatingPoints}). */
    static final double MODEL_THRESHOLD = FusionModel.DEFAULT_MODEL_THRESHOLD;

    /** The JPEG classifier's evidence ({@code JpegStegoDetector.FAMILY}); its score is stego at 0.5 and above. */
    static final String JPEG_CLASSIFIER = "jpeg.stego";

    private final Set<String> jpegDecidingTools;

    /** The rules with the shipped JPEG fit deciding for the tools it says may ({@link JpegStegoModel#deciding}). */
    VerdictRules() {
        this(JpegStegoModel.shipped() == null ? Set.of() : Set.copyOf(JpegStegoModel.shipped().deciding()));
    }

    /** @param jpegDecidingTools the tools the JPEG classifier may call a JPEG stego for */
    VerdictRules(Set<String> jpegDecidingTools) {
        this.jpegDecidingTools = Set.copyOf(jpegDecidingTools);
    }

    record Decision(Verdict verdict, double probability, String method, String bitOrder, Payload payload) {
    }

    Decision decide(List<Extraction> extractions, List<Evidence> evidence, FusionModel.Fused fused) {
        if (!extractions.isEmpty() && extractions.get(0).confidence() >= Protocol.MESSAGE_THRESHOLD) {
            Extraction top = extractions.get(0);
            return new Decision(Verdict.STEGO, top.confidence(), top.method().label(),
                    top.bitOrder() == null ? null : top.bitOrder().label(), Payload.of(top));
        }
        Evidence modelEvidence = Evidence.firstScored(evidence, Evidence.Kind.MODEL).orElse(null);
        Double model = modelEvidence == null ? null : modelEvidence.score();
        double fusedP = fused == null ? 0.0 : fused.probability();
        double modelThreshold = fused == null ? MODEL_THRESHOLD : fused.modelThreshold();
        boolean modelSays = model != null && model >= modelThreshold;
        boolean fusionSays = fused != null && fused.stego();
        if (fusionSays && (!modelSays || fusedP >= model)) {
            return new Decision(Verdict.STEGO, Math.max(fusedP, MODEL_THRESHOLD), fused.method(), null, null);
        }
        Evidence jpeg = jpegDecidingTools.isEmpty() ? null : jpegEvidence(evidence);
        boolean jpegSays = jpeg != null && jpeg.score() >= MODEL_THRESHOLD
                && jpegDecidingTools.contains(jpeg.method());
        if (jpegSays && (!modelSays || jpeg.score() >= model)) {
            return new Decision(Verdict.STEGO, jpeg.score(), jpeg.method(), null, null);
        }
        if (modelSays) {
            String method = modelEvidence.method() == null ? "other" : modelEvidence.method();
            return new Decision(Verdict.STEGO, model, method, null, null);
        }
        // a model under its operating point reads as under 0.5, as every other rule's probability does
        double modelP = model == null ? 0.0 : model < modelThreshold ? model * MODEL_THRESHOLD / modelThreshold : model;
        double p = Math.max(Math.max(fusedP, modelP), jpeg == null ? 0.0 : jpeg.score());
        // a tool that does not decide may score 0.5 or more; the clean probability stays under 0.5 all the same
        return new Decision(Verdict.CLEAN, Math.min(p, MODEL_THRESHOLD - 0.001), null, null, null);
    }

    private static Evidence jpegEvidence(List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (e.kind() == Evidence.Kind.STATISTIC && JPEG_CLASSIFIER.equals(e.detector()) && e.score() != null) {
                return e;
            }
        }
        return null;
    }
}
