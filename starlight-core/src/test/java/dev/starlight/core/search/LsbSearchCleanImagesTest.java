package dev.starlight.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.FrameInfo;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Zero false messages: the search finds nothing in clean images, real and drawn. */
class LsbSearchCleanImagesTest {

    @Test
    void noCleanCoverOfTheCorpusGivesAMessage() throws IOException {
        List<Path> covers = Corpus.covers();
        List<String> found = falseMessages(covers);
        System.out.printf("lsb search corpus covers: %d files, %d false messages%n", covers.size(), found.size());
        assertThat(found).isEmpty();
    }

    /**
     * Images drawn to be hard: flat colours, stripes and checkerboards of many periods (their low bits repeat and can
     * spell printable bytes), smooth and noisy gradients, pure noise, in RGB, RGBA with opaque and varying alpha, grey,
     * grey with alpha, and palette indices.
     */
    @Test
    void noDrawnCleanImageGivesAMessage() {
        List<String> found = new ArrayList<>();
        int count = 0;
        for (int kind = 0; kind < 8; kind++) {
            for (int variant = 0; variant < 12; variant++) {
                for (int layout = 0; layout < 5; layout++) {
                    DecodedImage image = drawn(kind, variant, layout);
                    DecodedImage decoded = ImageCodecs.decode(SyntheticImages.encode(image));
                    count++;
                    Optional<Recognised> r = LsbSearch.find(decoded);
                    r.ifPresent(x -> found.add(x.layout() + " " + x.what()));
                }
            }
        }
        System.out.printf("drawn clean images: %d, false messages: %d%n", count, found.size());
        assertThat(count).isEqualTo(480);
        assertThat(found).isEmpty();
    }

    /**
     * The survey of other clean sets (wallpapers and their JPEG-decoded and GIF forms, /usr/share PNGs):
     * {@code -Dstarlight.lsb.survey=DIR:DIR...}, as {@code bin/lsb-clean-survey} runs it; skipped without it.
     */
    @Test
    void noImageOfTheSurveyedCleanFoldersGivesAMessage() throws IOException {
        String dirs = System.getProperty("starlight.lsb.survey");
        assumeTrue(dirs != null && !dirs.isBlank(), "-Dstarlight.lsb.survey not set: clean survey skipped");
        List<String> all = new ArrayList<>();
        for (String dir : dirs.split(File.pathSeparator)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            List<String> found = falseMessages(files);
            System.out.printf("lsb search survey %s: %d files, %d false messages%n", dir, files.size(), found.size());
            all.addAll(found);
        }
        assertThat(all).isEmpty();
    }

    private static List<String> falseMessages(List<Path> files) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            DecodedImage image;
            try {
                image = ImageCodecs.decode(Files.readAllBytes(file));
            } catch (RuntimeException notAnImage) {
                continue;
            }
            LsbSearch.find(image).ifPresent(r -> found.add(file + ": " + r.layout() + " " + r.what()));
        }
        return found;
    }

    /** One drawn image: {@code kind} picks the picture, {@code variant} its period and seed, {@code layout} the planes. */
    private static DecodedImage drawn(int kind, int variant, int layout) {
        int w = 96 + variant * 8;
        int h = 64 + variant * 4;
        Random random = new Random(kind * 1000L + variant * 10L + layout);
        if (layout == 4) {
            return SyntheticImages.indexed(ImageFormat.GIF, w, h, 2 << (variant % 7), kind * 31L + variant);
        }
        boolean grey = layout >= 2;
        boolean alpha = layout == 1 || layout == 3;
        int colours = grey ? 1 : 3;
        int[][] p = new int[colours + (alpha ? 1 : 0)][w * h];
        int period = 1 + variant;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                for (int c = 0; c < p.length; c++) {
                    int v = switch (kind) {
                        case 0 -> 40 + 17 * c + variant * 9;                                    // flat
                        case 1 -> (x / period + y / period) % 2 == 0 ? 30 + c : 220 - c;      // checkerboard
                        case 2 -> (x / period) % 2 == 0 ? 10 * c + variant : 255 - variant;   // vertical stripes
                        case 3 -> (x * (c + 1) + y) * 255 / (w + h) / (c + 1);                // smooth gradient
                        case 4 -> (x + y * (variant + 1)) % 256;                              // wrapping ramp
                        case 5 -> random.nextInt(256);                                        // noise
                        case 6 -> Math.max(0, Math.min(255, (x + y) + (int) (random.nextGaussian() * 3)));
                        default -> (y / period) % 3 * 100 + c;                                // horizontal bands
                    };
                    p[c][i] = alpha && c == p.length - 1 && variant % 2 == 0 ? 255 : v & 0xFF;
                }
            }
        }
        ColorType type = grey ? (alpha ? ColorType.GREY_ALPHA : ColorType.GREY) : alpha ? ColorType.RGBA : ColorType.RGB;
        return new DecodedImage(ImageFormat.PNG, w, h, 8, type, p, null, null, false, List.of(),
                List.of(new FrameInfo(0, 0, 0, w, h, 0, false, false)), 0, new byte[0]);
    }
}
