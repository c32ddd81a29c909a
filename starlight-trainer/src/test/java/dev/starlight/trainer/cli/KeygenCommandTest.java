package dev.starlight.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.model.Ed25519Keys;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelSigner;
import dev.starlight.core.model.TrustedKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code starlight models keygen}: a key pair the trainer signs with and a detector trusts. */
class KeygenCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAKeyPairThatSignsAndVerifiesAndNeverOverwrites() throws Exception {
        assertThat(new CommandLine(new TrainerCli()).execute("models", "keygen", "--out", dir.toString())).isZero();

        Path privateKey = dir.resolve("model-signing.pem");
        Path publicKey = dir.resolve("model-signing.pub.pem");
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(Files.getPosixFilePermissions(privateKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        ModelEnvelope envelope = ModelEnvelope.of("m", "1", Instant.EPOCH, Map.of(), new byte[] {1, 2, 3});
        ModelEnvelope signed = ModelSigner.fromPem(privateKey).sign(envelope);
        TrustedKeys trusted = TrustedKeys.fromPem(List.of(publicKey));
        assertThat(trusted.verify(signed).signature().keyId())
                .isEqualTo(Ed25519Keys.keyId(Ed25519Keys.readPublic(publicKey)));

        String before = Files.readString(privateKey);
        assertThat(new CommandLine(new TrainerCli()).execute("models", "keygen", "--out", dir.toString())).isNotZero();
        assertThat(Files.readString(privateKey)).isEqualTo(before);
    }
}
