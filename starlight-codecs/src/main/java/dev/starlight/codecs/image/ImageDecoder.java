package dev.starlight.codecs.image;

/**
 * Decodes one container into a {@link DecodedImage}. Implementations are stateless and thread-safe, read
 * untrusted bytes only through {@link ByteReader} (or equally checked code), check {@link ImageLimits} before
 * allocating, and fail only with {@link ImageDecodeException}.
 */
public interface ImageDecoder {

    ImageFormat format();

    DecodedImage decode(byte[] data, ImageLimits limits);
}
