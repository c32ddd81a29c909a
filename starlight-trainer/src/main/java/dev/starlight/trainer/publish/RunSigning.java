package dev.starlight.trainer.publish;

import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelSigner;
import dev.starlight.trainer.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Signs a finished run's envelope with the publisher's Ed25519 key ({@code starlight train --signing-key}) and writes
 * the signed envelope over the run's {@code model.slme}, so the file and the published record are the same bytes.
 */
public final class RunSigning {
    private RunSigning() {
    }

    /** The run with its envelope signed by the PKCS#8 PEM private key in {@code keyFile}. */
    public static TrainingResult sign(TrainingResult result, Path keyFile) throws IOException {
        ModelEnvelope signed = ModelSigner.fromPem(keyFile).sign(result.envelope());
        Files.write(result.onnxFile().resolveSibling("model.slme"), signed.toBytes());
        return new TrainingResult(signed, result.onnxFile(), result.cardFile(), result.metrics());
    }
}
