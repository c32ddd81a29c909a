package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;

/** Placeholder until the JPEG decoder lands (being written now). */
public final class JpegDecoder implements ImageDecoder {
    @Override
    public ImageFormat format() {
        return ImageFormat.JPEG;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "JPEG decoder not written yet");
    }
}
