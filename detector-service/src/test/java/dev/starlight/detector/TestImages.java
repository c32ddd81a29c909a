package dev.starlight.detector;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.BitOrder;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.nio.charset.StandardCharsets;

/** Covers drawn in code (the core's {@link SyntheticImages}) and stego made from them with the core's embedders. */
final class TestImages {
    static final String MESSAGE = "A message hidden for the detector service test, long enough to be sure.";

    private TestImages() {
    }

    /** A photo-like cover drawn by the core's test fixtures: 256-colour indexed for GIF, RGB otherwise. */
    static byte[] cover(ImageFormat format, int size, long seed) {
        return SyntheticImages.encode(format == ImageFormat.GIF
                ? SyntheticImages.indexed(format, size, size, 256, seed)
                : SyntheticImages.rgb(format, size, size, false, 8, seed));
    }

    static byte[] stego(Method method, long seed) {
        ImageFormat format = switch (method) {
            case PALETTE -> ImageFormat.GIF;
            case EXIF -> ImageFormat.JPEG;
            default -> ImageFormat.PNG;
        };
        return Protocol.embed(cover(format, 64, seed), method, MESSAGE.getBytes(StandardCharsets.UTF_8),
                new EmbedOptions(BitOrder.MSB_FIRST, false));
    }
}
