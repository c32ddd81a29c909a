package dev.starlight.core.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/** A fresh Ed25519 key pair written as {@code DIR/NAME.pem} and {@code DIR/NAME.pub.pem}, for services' test profiles. */
public final class TestSigningKeys {
    private TestSigningKeys() {
    }

    /** Writes the pair and returns the directory (absolute), so callers resolve {@code NAME.pem} or {@code NAME.pub.pem}. */
    public static Path writePair(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            KeyPair pair = Ed25519Keys.generate();
            Ed25519Keys.writePrivate(dir.resolve(name + ".pem"), pair.getPrivate());
            Ed25519Keys.writePublic(dir.resolve(name + ".pub.pem"), pair.getPublic());
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
