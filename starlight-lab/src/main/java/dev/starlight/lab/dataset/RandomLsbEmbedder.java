package dev.starlight.lab.dataset;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import java.util.SplittableRandom;

/**
 * Hides random bits at random positions, the way tools that do not follow the protocol do: each colour sample
 * (or palette index) carries a message bit with probability {@code rate}. Replacement overwrites the LSB;
 * matching (±1) adds or subtracts one at random when the LSB differs, which pairs-of-values statistics cannot see.
 * Alpha is left alone. Lossy images are refused: their decoded samples are not what the file stores.
 */
public final class RandomLsbEmbedder {

    public enum Kind {
        REPLACEMENT("lsb.replace"),
        MATCHING("lsb.match");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The technique name written in sidecars. */
        public String label() {
            return label;
        }
    }

    private RandomLsbEmbedder() {
    }

    /** The stego file: {@code cover} with its samples changed, every other byte of the container kept. */
    public static byte[] embed(byte[] cover, Kind kind, double rate, long seed) {
        DecodedImage image = ImageCodecs.decode(cover);
        DecodedImage stego = embed(image, kind, rate, seed);
        return ImageCodecs.writer(image.format()).replaceSamples(cover, stego);
    }

    public static DecodedImage embed(DecodedImage image, Kind kind, double rate, long seed) {
        if (image.lossy()) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE,
                    kind.label() + ": lossy " + image.format().label() + " stores no samples to change");
        }
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be within (0, 1]: " + rate);
        }
        SplittableRandom random = new SplittableRandom(seed);
        if (image.isIndexed()) {
            int[] indices = image.indices().clone();
            change(indices, image.palette().size() - 1, kind, rate, random);
            return image.withSamples(image.palette().expand(indices), indices);
        }
        int[][] planes = new int[image.planes().length][];
        int colourPlanes = image.colourPlanes().length;
        for (int p = 0; p < planes.length; p++) {
            planes[p] = image.planes()[p].clone();
            if (p < colourPlanes) {
                change(planes[p], image.maxSample(), kind, rate, random);
            }
        }
        return image.withSamples(planes, null);
    }

    private static void change(int[] samples, int max, Kind kind, double rate, SplittableRandom random) {
        for (int i = 0; i < samples.length; i++) {
            if (random.nextDouble() >= rate) {
                continue;
            }
            int bit = random.nextInt(2);
            int s = samples[i];
            if ((s & 1) == bit) {
                continue;
            }
            int changed;
            if (kind == Kind.REPLACEMENT) {
                changed = s ^ 1;
            } else if (s == 0) {
                changed = 1;
            } else if (s == max) {
                changed = s - 1;
            } else {
                changed = random.nextBoolean() ? s + 1 : s - 1;
            }
            if (changed <= max) {
                samples[i] = changed;
            }
        }
    }
}
