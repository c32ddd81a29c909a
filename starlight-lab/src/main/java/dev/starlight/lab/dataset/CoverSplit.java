package dev.starlight.lab.dataset;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Assigns each cover to one split by a hash of its bytes and a seed, never by its name: the same cover always
 * lands in the same split, whatever folder or file name it has, so no cover (and none of the stego made from it)
 * sits in two splits.
 */
public final class CoverSplit {
    public enum Split {
        /** Covers whose stego and clean copies may set thresholds and train. */
        CALIBRATION,
        /** Covers that thresholds and training never see; reported on. */
        HOLDOUT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final long seed;
    private final double holdoutShare;

    /** @param holdoutShare fraction of covers that go to {@link Split#HOLDOUT}, 0..1 */
    public CoverSplit(long seed, double holdoutShare) {
        if (!(holdoutShare >= 0 && holdoutShare <= 1)) {
            throw new IllegalArgumentException("holdout share must be within 0..1: " + holdoutShare);
        }
        this.seed = seed;
        this.holdoutShare = holdoutShare;
    }

    public Split of(byte[] cover) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(8).putLong(seed).array());
            byte[] digest = sha.digest(cover);
            long top = ByteBuffer.wrap(digest, 0, 8).getLong() >>> 11; // 53 uniform bits
            double u = top / (double) (1L << 53);
            return u < holdoutShare ? Split.HOLDOUT : Split.CALIBRATION;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
