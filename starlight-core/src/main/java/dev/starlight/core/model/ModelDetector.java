package dev.starlight.core.model;

import dev.starlight.core.analysis.Detector;
import dev.starlight.core.image.DecodedImage;
import dev.starlight.core.scan.Evidence;
import java.util.List;
import java.util.Locale;

/**
 * The ONNX model as one more detector: its stego probability becomes an evidence entry named
 * {@code model.<name>}, which {@code VerdictRules} treats as decisive when no protocol message was found.
 */
public final class ModelDetector implements Detector {
    public static final String PREFIX = "model.";

    private final OnnxModel model;

    public ModelDetector(OnnxModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return PREFIX + model.info().name();
    }

    @Override
    public List<Evidence> analyse(DecodedImage image, byte[] file) {
        ModelPrediction p = model.predict(image);
        String detail = String.format(Locale.ROOT, "model %s %s, %d tiles, top method %s", model.info().name(),
                model.info().version(), p.tileProbabilities().length, p.topMethod().orElse("none"));
        return List.of(new Evidence(name(), p.stegoProbability(), detail));
    }
}
