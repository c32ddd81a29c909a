package dev.starlight.cli;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.core.model.ModelDetector;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.ShippedModel;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.Scanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The model {@code starlight scan --model} puts beside the statistics: the shipped one (as a fresh detector serves
 * it, so both give the same result for the same bytes), none, or a file (envelope or bare ONNX).
 *
 * @param model   the loaded model, or null for none
 * @param version what results report as {@code modelVersion}
 */
record ScanModel(OnnxModel model, String version) implements AutoCloseable {
    static final ScanModel NONE = new ScanModel(null, null);

    static ScanModel load(String choice) {
        if (choice.equals("none")) {
            return NONE;
        }
        ModelEnvelope envelope;
        if (choice.equals("shipped")) {
            envelope = ShippedModel.envelope().orElse(null);
            if (envelope == null) {
                return NONE;
            }
        } else {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(Path.of(choice));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the model " + choice, e);
            }
            if (ModelEnvelope.isEnvelope(bytes)) {
                envelope = ModelEnvelope.fromBytes(bytes);
            } else {
                OnnxModel bare = OnnxModel.load(bytes);
                return new ScanModel(bare, bare.info().version());
            }
        }
        try {
            return new ScanModel(OnnxModel.load(envelope.onnx()), envelope.version());
        } catch (StarlightException e) {
            throw new StarlightException(ErrorCode.MALFORMED, "model " + choice + " does not load: " + e.getMessage());
        }
    }

    ImageScanner scanner(ScanOptions options) {
        Scanner scanner = model == null ? new Scanner(options, List.of())
                : new Scanner(options, List.of(new ModelDetector(model)), version);
        return scanner::scan;
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
    }
}
