package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;

/** Placeholder until the PNG decoder lands (being written now). */
public final class PngDecoder implements ImageDecoder {
    @Override
    public ImageFormat format() {
        return ImageFormat.PNG;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "PNG decoder not written yet");
    }
}
