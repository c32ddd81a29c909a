package dev.starlight.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The publishers whose models a consumer accepts: Ed25519 public keys by key id. {@link #verify} refuses an unsigned
 * envelope, one signed by a key not listed here, and one whose signature does not match its canonical bytes.
 */
public final class TrustedKeys {
    private final Map<String, PublicKey> keys = new TreeMap<>();

    public TrustedKeys(Collection<PublicKey> keys) {
        keys.forEach(k -> this.keys.put(Ed25519Keys.keyId(k), k));
    }

    /** Keys from X.509 PEM files, one key each. */
    public static TrustedKeys fromPem(List<Path> files) throws IOException {
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : files) {
            keys.add(Ed25519Keys.readPublic(file));
        }
        return new TrustedKeys(keys);
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Returns {@code envelope} when a trusted key signed it; throws {@link UntrustedModelException} otherwise. */
    public ModelEnvelope verify(ModelEnvelope envelope) {
        EnvelopeSignature signature = envelope.signature();
        if (signature == null) {
            throw new UntrustedModelException(UntrustedModelException.Reason.UNSIGNED, "model " + envelope.name()
                    + " " + envelope.version() + " is unsigned; trusted keys " + keys.keySet());
        }
        PublicKey key = keys.get(signature.keyId());
        if (key == null) {
            throw new UntrustedModelException(UntrustedModelException.Reason.UNKNOWN_KEY, "model " + envelope.name()
                    + " " + envelope.version() + " is signed by key " + signature.keyId() + ", not one of the trusted "
                    + keys.keySet());
        }
        if (!matches(key, envelope.canonicalBytes(), signature.bytes())) {
            throw new UntrustedModelException(UntrustedModelException.Reason.BAD_SIGNATURE, "model "
                    + envelope.name() + " " + envelope.version() + " has a signature by key " + signature.keyId()
                    + " that does not match its contents");
        }
        return envelope;
    }

    private static boolean matches(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a signature of the wrong length or shape is simply not a valid one
        }
    }
}
