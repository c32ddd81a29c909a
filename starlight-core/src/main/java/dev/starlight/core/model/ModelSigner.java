package dev.starlight.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/** Signs envelopes with one Ed25519 private key (the publisher's side of {@link TrustedKeys}). */
public final class ModelSigner {
    private final PrivateKey key;
    private final String keyId;

    public ModelSigner(PrivateKey key) {
        this.key = key;
        this.keyId = Ed25519Keys.keyId(Ed25519Keys.publicKeyOf(key));
    }

    /** A signer for the PKCS#8 PEM private key in {@code file}. */
    public static ModelSigner fromPem(Path file) throws IOException {
        return new ModelSigner(Ed25519Keys.readPrivate(file));
    }

    public String keyId() {
        return keyId;
    }

    /** The envelope with this key's signature over its canonical bytes. */
    public ModelEnvelope sign(ModelEnvelope envelope) {
        try {
            Signature signature = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signature.initSign(key);
            signature.update(envelope.canonicalBytes());
            return envelope.withSignature(new EnvelopeSignature(keyId, signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an Ed25519 key", e);
        }
    }
}
