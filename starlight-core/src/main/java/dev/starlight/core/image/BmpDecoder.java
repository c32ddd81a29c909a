package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;

/** Placeholder until the BMP decoder lands (being written now). */
public final class BmpDecoder implements ImageDecoder {
    @Override
    public ImageFormat format() {
        return ImageFormat.BMP;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "BMP decoder not written yet");
    }
}
