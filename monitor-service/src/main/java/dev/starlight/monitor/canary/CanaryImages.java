package dev.starlight.monitor.canary;

import dev.starlight.lab.dataset.RandomLsbEmbedder;
import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.nio.charset.StandardCharsets;

/**
 * Canary images with known labels, drawn by starlight-core: clean ones are synthetic PNG covers; stego ones carry a
 * protocol lsb.rgb message (even n) or random LSB replacement at half rate (odd n), the way other tools hide data.
 */
public final class CanaryImages {
    private CanaryImages() {
    }

    public static byte[] clean(int size, long n) {
        return SyntheticCovers.encoded(ImageFormat.PNG, size, seed(n));
    }

    public static byte[] stego(int size, long n) {
        byte[] cover = SyntheticCovers.encoded(ImageFormat.PNG, size, seed(n) ^ 0x5DEECE66DL);
        if (n % 2 == 0) {
            byte[] message = ("starlight canary " + n).getBytes(StandardCharsets.UTF_8);
            return Protocol.embed(cover, Method.LSB_RGB, message, EmbedOptions.DEFAULT);
        }
        return RandomLsbEmbedder.embed(cover, RandomLsbEmbedder.Kind.REPLACEMENT, 0.5, seed(n));
    }

    private static long seed(long n) {
        return 0x9E3779B97F4A7C15L * (n + 1);
    }
}
