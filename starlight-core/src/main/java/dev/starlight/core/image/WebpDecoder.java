package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;

/** Placeholder until the WEBP decoder lands (being written now). */
public final class WebpDecoder implements ImageDecoder {
    @Override
    public ImageFormat format() {
        return ImageFormat.WEBP;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "WEBP decoder not written yet");
    }
}
