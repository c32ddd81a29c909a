package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;
import dev.starlight.core.StarlightException;

/** Placeholder until the JPEG writer lands (being written now). */
public final class JpegWriter implements ImageWriter {
    @Override
    public ImageFormat format() {
        return ImageFormat.JPEG;
    }

    @Override
    public byte[] replaceSamples(byte[] original, DecodedImage modified) {
        throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "JPEG writer not written yet");
    }

    @Override
    public byte[] replaceExif(byte[] original, byte[] tiff) {
        throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "JPEG writer not written yet");
    }

    @Override
    public byte[] encode(DecodedImage image) {
        throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "JPEG writer not written yet");
    }
}
