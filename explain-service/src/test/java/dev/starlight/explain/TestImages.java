package dev.starlight.explain;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.nio.charset.StandardCharsets;

/** Images whose answer is known. */
final class TestImages {
    static final String MESSAGE = "A message in the low bits, long enough to read as text and to span some rows.";

    private TestImages() {
    }

    static byte[] cover(int size) {
        return SyntheticCovers.encoded(ImageFormat.PNG, size, 21);
    }

    static byte[] stego(Method method, int size) {
        return Protocol.embed(cover(size), method, MESSAGE.getBytes(StandardCharsets.UTF_8), EmbedOptions.DEFAULT);
    }
}
