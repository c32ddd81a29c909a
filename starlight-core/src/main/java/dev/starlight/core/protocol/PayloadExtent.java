package dev.starlight.core.protocol;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.codecs.image.meta.ExifComment;
import java.util.List;
import java.util.Optional;

/**
 * Where a recovered message sits in its carrier, for the explainer's saliency map: how many carrier bits the
 * sequential LSB methods used from the first one (framing and terminator included), and which metadata block holds
 * an EXIF message. Read from the image again, so the answer is exact even when the extraction dropped framing bytes.
 */
public final class PayloadExtent {
    private PayloadExtent() {
    }

    /** The planes whose LSBs carry a sequential message, in carrier order (sample k is in plane k mod n, pixel k / n). */
    public static List<String> planes(Method method) {
        return switch (method) {
            case ALPHA -> List.of("alpha");
            case PALETTE -> List.of("index");
            case LSB_RGB -> List.of("red", "green", "blue");
            case EXIF, RAW -> List.of();
        };
    }

    /**
     * Carrier bits used by a sequential LSB message (alpha, palette, lsb.rgb): the AI42 marker when present, the
     * message and its 0x00 terminator. Empty for the other methods, for messages found in other layouts by the
     * search, or when the image does not hold it.
     */
    public static Optional<Long> sequentialBits(DecodedImage image, Extraction extraction) {
        LsbCarrier carrier = extraction.layout() != null ? null : carrier(image, extraction.method());
        if (carrier == null || extraction.bitOrder() == null) {
            return Optional.empty();
        }
        int start = extraction.ai42() ? 8 * Ai42.MARKER.length : 0;
        byte[] body = carrier.readUntilNul(start, extraction.bitOrder(), Integer.MAX_VALUE);
        return body == null ? Optional.empty() : Optional.of(start + 8L * (body.length + 1));
    }

    /** The EXIF block whose UserComment holds a message (the one {@link ExifMethod} reads), if any. */
    public static Optional<MetadataSegment> exifSegment(DecodedImage image) {
        for (MetadataSegment segment : image.metadata()) {
            if (segment.kind() != MetadataSegment.Kind.EXIF) {
                continue;
            }
            Optional<ExifComment> comment = ExifComment.read(segment.data());
            if (comment.isPresent() && !comment.get().isBlank()) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    private static LsbCarrier carrier(DecodedImage image, Method method) {
        return switch (method) {
            case ALPHA -> image.alphaPlane() == null ? null : new LsbCarrier(image.alphaPlane());
            case PALETTE -> image.isIndexed() ? new LsbCarrier(image.indices()) : null;
            case LSB_RGB -> image.planes().length < 3 || image.isIndexed() ? null
                    : new LsbCarrier(image.planes()[0], image.planes()[1], image.planes()[2]);
            case EXIF, RAW -> null;
        };
    }
}
