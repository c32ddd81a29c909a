package dev.starlight.detector;

import dev.starlight.core.image.ColorType;
import dev.starlight.core.image.DecodedImage;
import dev.starlight.core.image.FrameInfo;
import dev.starlight.core.image.ImageCodecs;
import dev.starlight.core.image.ImageFormat;
import dev.starlight.core.image.Palette;
import dev.starlight.core.protocol.BitOrder;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Covers drawn in code and stego made from them with the core's own embedders. */
final class TestImages {
    static final String MESSAGE = "A message hidden for the detector service test, long enough to be sure.";

    private TestImages() {
    }

    static byte[] cover(ImageFormat format, int size, long seed) {
        Random random = new Random(seed);
        if (format == ImageFormat.GIF) {
            int[] rgb = new int[256];
            for (int i = 0; i < 256; i++) {
                rgb[i] = random.nextInt(1 << 24);
            }
            Palette palette = new Palette(rgb, null);
            int[] idx = new int[size * size];
            int[][] p = new int[3][idx.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = ((i % size) + random.nextInt(3)) & 0xFF;
                p[0][i] = palette.red(idx[i]);
                p[1][i] = palette.green(idx[i]);
                p[2][i] = palette.blue(idx[i]);
            }
            return ImageCodecs.writer(format).encode(new DecodedImage(format, size, size, 8, ColorType.INDEXED, p,
                    palette, idx, false, List.of(), List.of(new FrameInfo(0, 0, 0, size, size, 0, false, false)), 0, null));
        }
        int[][] p = new int[3][size * size];
        for (int i = 0; i < size * size; i++) {
            for (int c = 0; c < 3; c++) {
                p[c][i] = Math.max(0, Math.min(255, (i % size) + c * 20 + (int) (random.nextGaussian() * 5)));
            }
        }
        return ImageCodecs.writer(format).encode(new DecodedImage(format, size, size, 8, ColorType.RGB, p, null,
                null, format == ImageFormat.JPEG, List.of(), List.of(new FrameInfo(0, 0, 0, size, size, 0, false, false)),
                0, null));
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
