package dev.starlight.bench.reliability;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The images a run sends: {@code count} distinct covers drawn in code (PNG), every fourth carrying an lsb.rgb
 * message, reused round-robin. Runs start the detector with its content cache off, so every request is scanned.
 */
final class RequestImages {
    private final List<byte[]> images = new ArrayList<>();

    RequestImages(int count, int size) {
        byte[] message = "reliability run: a message hidden in the least significant bits".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            byte[] png = SyntheticCovers.encoded(ImageFormat.PNG, size, 1000 + i);
            images.add(i % 4 == 0 ? Protocol.embed(png, Method.LSB_RGB, message, EmbedOptions.DEFAULT) : png);
        }
    }

    byte[] forRequest(int index) {
        return images.get(index % images.size());
    }

    int meanBytes() {
        return (int) images.stream().mapToInt(b -> b.length).average().orElse(0);
    }
}
