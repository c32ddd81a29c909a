package dev.starlight.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * An Ed25519 signature over a {@link ModelEnvelope}'s canonical bytes.
 *
 * @param keyId which key made it ({@link Ed25519Keys#keyId})
 * @param bytes the 64-byte signature
 */
public record EnvelopeSignature(String keyId, byte[] bytes) {
    public EnvelopeSignature {
        Objects.requireNonNull(keyId, "keyId");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvelopeSignature s && keyId.equals(s.keyId) && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EnvelopeSignature[" + keyId + "]";
    }
}
