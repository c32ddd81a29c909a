package dev.starlight.core.analysis;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.Palette;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/** Covers and stego for the LSB detector tests: LSB replacement (sequential or random) and ±1 matching. */
final class LsbStego {
    /** How many corpus PNG covers the tests use (the 256×256 ones, in name order). */
    static final int CORPUS_COVERS = 10;

    private LsbStego() {
    }

    /** The first {@link #CORPUS_COVERS} 256×256 PNG covers of the corpus; skips the test when it is absent. */
    static List<DecodedImage> corpusCovers() {
        List<DecodedImage> out = new ArrayList<>();
        for (Path p : Corpus.covers()) {
            if (!p.getFileName().toString().endsWith(".png")) {
                continue;
            }
            DecodedImage image = decode(p);
            if (image.width() == 256 && image.height() == 256) {
                out.add(image);
            }
            if (out.size() == CORPUS_COVERS) {
                break;
            }
        }
        return out;
    }

    static DecodedImage decode(Path p) {
        try {
            return ImageCodecs.decode(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Smooth gradients plus Gaussian noise (σ ≈ 5 grey levels), 512×512 RGB: natural enough for LSB statistics. */
    static DecodedImage syntheticCover(long seed) {
        return SyntheticImages.rgb(ImageFormat.PNG, 512, 512, false, 8, seed);
    }

    /** An indexed image with a 256-entry grey palette whose indices are the cover's green plane. */
    static DecodedImage greyPaletteImage(DecodedImage cover) {
        int[] grey = new int[256];
        for (int i = 0; i < 256; i++) {
            grey[i] = i * 0x010101;
        }
        Palette palette = new Palette(grey, null);
        int[] indices = cover.colourPlanes()[cover.colourPlanes().length > 1 ? 1 : 0].clone();
        int[][] planes = {indices.clone(), indices.clone(), indices.clone()};
        return new DecodedImage(ImageFormat.GIF, cover.width(), cover.height(), 8, ColorType.INDEXED, planes,
                palette, indices, false, List.of(), cover.frames(), 0, new byte[0]);
    }

    /** The image with op applied to every colour plane (or to the indices of an indexed image). */
    static DecodedImage map(DecodedImage image, UnaryOperator<int[]> op) {
        if (image.isIndexed()) {
            int[] idx = op.apply(image.indices().clone());
            int[][] planes = {idx.clone(), idx.clone(), idx.clone()};
            return image.withSamples(planes, idx);
        }
        int[][] planes = new int[image.planes().length][];
        int colours = image.colourPlanes().length;
        for (int c = 0; c < planes.length; c++) {
            planes[c] = c < colours ? op.apply(image.planes()[c].clone()) : image.planes()[c].clone();
        }
        return image.withSamples(planes, null);
    }

    /** LSB replacement of the first rate·N samples with random bits (in place). */
    static int[] sequential(int[] s, double rate, long seed) {
        Random random = new Random(seed);
        int count = (int) Math.round(rate * s.length);
        for (int i = 0; i < count; i++) {
            s[i] = (s[i] & ~1) | random.nextInt(2);
        }
        return s;
    }

    /**
     * The rate that the SPA, RS and WS estimates should give for a sequential payload of this rate, averaged over
     * the covers' colour planes: the share of a plane's usable samples ({@link PlaneDetector#usableSamples}) that
     * lie in the payload's prefix. The corpus covers have saturated rows at the top, where a sequential payload
     * starts and where these estimators do not look.
     */
    static double usableShareOfSequentialPrefix(List<DecodedImage> covers, double rate) {
        double sum = 0;
        int planes = 0;
        for (DecodedImage cover : covers) {
            for (AnalysisPlane plane : AnalysisPlanes.of(cover)) {
                byte[] usable = PlaneDetector.usableSamples(plane);
                int samples = plane.size();
                int end = (int) Math.round(rate * samples);
                int inPrefix = 0;
                int all = 0;
                for (int i = 0; i < samples; i++) {
                    if (usable == null || usable[i] == 1) {
                        all++;
                        inPrefix += i < end ? 1 : 0;
                    }
                }
                sum += (double) inPrefix / all;
                planes++;
            }
        }
        return sum / planes;
    }

    /** LSB replacement of random bits at each sample with probability rate (in place). */
    static int[] random(int[] s, double rate, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < s.length; i++) {
            if (random.nextDouble() < rate) {
                s[i] = (s[i] & ~1) | random.nextInt(2);
            }
        }
        return s;
    }

    /** LSB matching: at each sample with probability rate, a random bit; a mismatching LSB moves by ±1 (in place). */
    static int[] matching(int[] s, double rate, int max, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < s.length; i++) {
            if (random.nextDouble() < rate && (s[i] & 1) != random.nextInt(2)) {
                int step = random.nextBoolean() ? 1 : -1;
                if (s[i] == 0) {
                    step = 1;
                } else if (s[i] == max) {
                    step = -1;
                }
                s[i] += step;
            }
        }
        return s;
    }
}
