package dev.starlight.core.model;

import dev.starlight.core.Detector;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.Evidence;
import java.util.List;
import java.util.Locale;

/**
 * The ONNX model as one more detector: its stego probability becomes an evidence entry named
 * {@code model.<name>}, which {@code VerdictRules} treats as decisive when no protocol message was found, with the
 * method the model names (mapped to a {@code ScanResult} method) when it has a method head.
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
        return List.of(new Evidence(name(), p.stegoProbability(), detail, null,
                p.topMethod().map(m -> resultMethod(m, image)).orElse(null), Evidence.Kind.MODEL));
    }

    /**
     * The {@code ScanResult} method for a technique the model names: protocol methods as they are; random LSB
     * replacement or matching by where the bits sit (palette indices or colour samples); anything else other.
     */
    static String resultMethod(String technique, DecodedImage image) {
        if (Method.parse(technique).isPresent()) {
            return Method.parse(technique).get().label();
        }
        if (technique.startsWith("lsb.")) {
            return image.isIndexed() ? Method.PALETTE.label() : Method.LSB_RGB.label();
        }
        return "other";
    }
}
