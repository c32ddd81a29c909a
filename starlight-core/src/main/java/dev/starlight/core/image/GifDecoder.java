package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;

/** Placeholder until the GIF decoder lands (being written now). */
public final class GifDecoder implements ImageDecoder {
    @Override
    public ImageFormat format() {
        return ImageFormat.GIF;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "GIF decoder not written yet");
    }
}
