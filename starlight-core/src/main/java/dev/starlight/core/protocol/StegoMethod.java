package dev.starlight.core.protocol;

import dev.starlight.codecs.image.DecodedImage;
import java.util.Optional;

/** One protocol method: how to hide a message in an image, and how to find it again from the bytes alone. */
public interface StegoMethod {

    Method method();

    /** Why this method cannot carry a message in {@code image}; empty when it can. */
    Optional<String> notApplicable(DecodedImage image);

    /** Largest message (bytes, without framing) the image can carry by this method. */
    long capacityBytes(DecodedImage image);

    /**
     * Returns the cover file with {@code message} embedded. Everything the method does not need to change is
     * kept. Throws {@code StarlightException} with METHOD_NOT_APPLICABLE or CAPACITY_EXCEEDED.
     */
    byte[] embed(byte[] cover, DecodedImage image, byte[] message, EmbedOptions options);

    /** The message this method carries in the file, if any; needs no cover and no sidecar. */
    Optional<Extraction> extract(byte[] file, DecodedImage image);
}
