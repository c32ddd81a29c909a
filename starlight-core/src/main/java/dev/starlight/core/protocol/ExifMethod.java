package dev.starlight.core.protocol;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.codecs.image.meta.ExifComment;
import dev.starlight.core.analysis.metadata.MetadataField;
import dev.starlight.core.analysis.metadata.MetadataPolicy;
import java.util.Optional;

/**
 * Method 3, exif: the message in the EXIF {@code UserComment} (0x9286) behind an 8-byte charset prefix, in JPEG
 * APP1, PNG {@code eXIf} or the WebP {@code EXIF} chunk. Embedding replaces the file's EXIF block with one that
 * holds only the comment (as the reference generator does).
 */
public final class ExifMethod implements StegoMethod {
    /** EXIF blocks live in a JPEG segment of at most 65535 bytes; keep every container within that. */
    private static final int MAX_TIFF_BYTES = 65_000;
    /** Confidence of a UserComment that is not payload-like: evidence, below the message threshold. */
    static final double CAPTION_CONFIDENCE = 0.3;

    @Override
    public Method method() {
        return Method.EXIF;
    }

    @Override
    public Optional<String> notApplicable(DecodedImage image) {
        ImageFormat f = image.format();
        return f == ImageFormat.JPEG || f == ImageFormat.PNG || f == ImageFormat.WEBP
                ? Optional.empty()
                : Optional.of(f.label() + " has no EXIF block");
    }

    @Override
    public long capacityBytes(DecodedImage image) {
        return MAX_TIFF_BYTES - 0x28 - ExifUserComment.ASCII_PREFIX.length;
    }

    @Override
    public byte[] embed(byte[] cover, DecodedImage image, byte[] message, EmbedOptions options) {
        notApplicable(image).ifPresent(why -> {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "exif: " + why);
        });
        byte[] body = options.ai42() ? Ai42.frame(message) : message;
        if (body.length > capacityBytes(image)) {
            throw new StarlightException(ErrorCode.CAPACITY_EXCEEDED,
                    "exif: message is " + body.length + " bytes, UserComment holds " + capacityBytes(image));
        }
        return ImageCodecs.writer(image.format()).replaceExif(cover, ExifUserComment.tiffWithUserComment(body));
    }

    @Override
    public Optional<Extraction> extract(byte[] file, DecodedImage image) {
        for (MetadataSegment segment : image.metadata()) {
            if (segment.kind() != MetadataSegment.Kind.EXIF) {
                continue;
            }
            ExifComment comment = ExifComment.read(segment.data()).orElse(null);
            if (comment == null || comment.isBlank()) {
                continue;
            }
            byte[] message = comment.message();
            if (Ai42.startsWith(message, 0)) {
                byte[] payload = java.util.Arrays.copyOfRange(message, 4, message.length);
                return Optional.of(new Extraction(Method.EXIF, null, payload, true, SequentialLsb.MARKED,
                        "EXIF UserComment (" + comment.charset() + ") with AI42 marker, " + payload.length + " bytes"));
            }
            MetadataPolicy.Judgement j = MetadataPolicy.judge(MetadataField.Role.CAPTION, message);
            String what = "EXIF UserComment (" + comment.charset() + "), " + message.length + " bytes, "
                    + j.form().label();
            return Optional.of(new Extraction(Method.EXIF, null, message, false, confidence(message, j),
                    j.payloadLike() ? what : what + ": what cameras and editors write, not a message"));
        }
        return Optional.empty();
    }

    /**
     * Unmarked, a UserComment is a message only when the metadata policy finds it payload-like (encoded, compressed
     * or binary data, or text longer or with more lines than captions have); captions, camera defaults and editor
     * notes stay below the message threshold, reported as evidence with their text.
     */
    private static double confidence(byte[] message, MetadataPolicy.Judgement j) {
        if (!j.payloadLike()) {
            return CAPTION_CONFIDENCE;
        }
        return Math.max(j.score(), MessageScore.text(message));
    }
}
