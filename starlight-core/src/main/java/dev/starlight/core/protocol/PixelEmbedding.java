package dev.starlight.core.protocol;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;

/** Helpers shared by the pixel methods: copying samples and writing them back into the container. */
final class PixelEmbedding {
    private PixelEmbedding() {
    }

    static int[][] copy(int[][] planes) {
        int[][] out = new int[planes.length][];
        for (int i = 0; i < planes.length; i++) {
            out[i] = planes[i].clone();
        }
        return out;
    }

    static byte[] replaceSamples(byte[] cover, DecodedImage modified) {
        return ImageCodecs.writer(modified.format()).replaceSamples(cover, modified);
    }
}
