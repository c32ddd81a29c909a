package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.meta.FileSignature;
import dev.starlight.codecs.image.meta.TrailerStructure;
import dev.starlight.core.Evidence;
import dev.starlight.core.protocol.MessageScore;
import java.util.Optional;

/**
 * The bytes after the end of the image. Appended files (archives, images, documents, executables), text and
 * high-entropy bytes score high; padding and the trailers that cameras and editors are known to write score ~0.
 *
 * <p>What the bytes are is read by {@code dev.starlight.codecs.image.meta}: {@link TrailerStructure} knows the
 * trailers that cameras and editors write (and why each is harmless), {@link FileSignature} the appended files.
 */
public final class TrailerDetector extends SingleEvidenceDetector {
    static final String FAMILY = "trailer";
    private static final int HIGH_ENTROPY_MIN = 32;

    public TrailerDetector() {
        super(FAMILY);
    }

    @Override
    Evidence evidence(DecodedImage image, byte[] file) {
        return judge(image);
    }

    private static Evidence judge(DecodedImage image) {
        byte[] t = image.trailer();
        long at = image.imageEnd();
        int n = t.length;
        if (n == 0) {
            return new Evidence(FAMILY, 0.0, "no bytes after the end of the image");
        }
        String where = " at +" + at + ", " + n + " bytes";
        Optional<TrailerStructure> harmless = TrailerStructure.of(image);
        if (harmless.isPresent()) {
            return new Evidence(FAMILY, 0.0, "harmless: " + harmless.get().description() + where);
        }
        Optional<FileSignature.Appended> file = FileSignature.find(t);
        if (file.isPresent()) {
            int i = file.get().offset();
            return new Evidence(FAMILY, 0.97, file.get().kind() + " at +" + (at + i) + ", " + (n - i) + " bytes"
                    + (i > 0 ? " (after " + i + " other bytes)" : ""));
        }
        if (FileSignature.isMp4(t)) {
            // an MP4 that no motion-photo XMP declares: an appended file, though older phones did this too
            return new Evidence(FAMILY, 0.8, "mp4 video not declared by the image's metadata" + where);
        }
        double text = MessageScore.text(stripEnd(t));
        if (text > 0) {
            return new Evidence(FAMILY, Math.max(0.95, text), "text" + where);
        }
        double h = entropy(t, 0, n);
        String bits = String.format(" (%.2f bits/byte)", h);
        if (n >= HIGH_ENTROPY_MIN && h >= highEntropyThreshold(n)) {
            return new Evidence(FAMILY, 0.95, "high-entropy unknown bytes" + where + bits);
        }
        if (n >= HIGH_ENTROPY_MIN) {
            return new Evidence(FAMILY, 0.6, "unrecognised bytes" + where + bits);
        }
        return new Evidence(FAMILY, 0.3, "short unrecognised bytes" + where);
    }

    /**
     * Entropy a sample of n uniformly random bytes reaches with near certainty: close to 8 bits for large n, but
     * bounded by log2(n) for small n (32 bytes cannot show more than 5 bits).
     */
    static double highEntropyThreshold(int n) {
        return 0.85 * Math.min(7.9, Math.log(n) / Math.log(2));
    }

    /** Trailing NULs and line ends dropped: a message written with a terminator is still text. */
    private static byte[] stripEnd(byte[] t) {
        int n = t.length;
        while (n > 0 && (t[n - 1] == 0 || t[n - 1] == '\n' || t[n - 1] == '\r')) {
            n--;
        }
        return n == t.length ? t : java.util.Arrays.copyOf(t, n);
    }

    /** Shannon entropy of {@code data[from..to)} in bits per byte. */
    static double entropy(byte[] data, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return 0;
        }
        int[] counts = new int[256];
        for (int i = from; i < to; i++) {
            counts[data[i] & 0xFF]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = c / (double) n;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }
}
