package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Our VP8L decoder against an independent one (TwelveMonkeys) on every lossless WebP of the corpus (made by libwebp
 * with its transforms, colour cache and backward references), and against hostile streams.
 */
class Vp8lDecoderTest {

    @Test
    void everyCorpusLosslessWebpDecodesToTheSamePixelsAsTwelveMonkeys() throws Exception {
        List<Path> files = new ArrayList<>(Corpus.covers());
        files.addAll(Corpus.referenceStego());
        int checked = 0;
        for (Path p : files) {
            if (!p.toString().endsWith(".webp")) {
                continue;
            }
            byte[] file = Files.readAllBytes(p);
            int[] chunk = vp8lChunk(file);
            Vp8lDecoder.Argb ours = Vp8lDecoder.decode(file, chunk[0], chunk[1], 100_000_000L);
            BufferedImage reference = ImageIO.read(new ByteArrayInputStream(file));
            int[] expected = reference.getRGB(0, 0, reference.getWidth(), reference.getHeight(), null, 0,
                    reference.getWidth());
            int opaque = ours.alphaUsed() ? 0 : 0xFF000000;
            for (int i = 0; i < expected.length; i++) {
                if ((ours.pixels()[i] | opaque) != (expected[i] | opaque)) {
                    throw new AssertionError(p.getFileName() + ": pixel " + i + " differs");
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(76);
    }

    @Test
    void cutStreamsAndFlippedBitsGiveCodedErrorsOnly() throws Exception {
        Path any = Corpus.covers().stream().filter(p -> p.toString().endsWith(".webp")).findFirst().orElseThrow();
        byte[] file = Files.readAllBytes(any);
        int[] chunk = vp8lChunk(file);
        for (int n = 0; n < chunk[1]; n += Math.max(1, chunk[1] / 200)) {
            int length = n;
            assertThatThrownBy(() -> Vp8lDecoder.decode(file, chunk[0], length, 100_000_000L))
                    .as("stream cut to %d bytes", n).isInstanceOf(StarlightException.class)
                    .extracting(e -> ((StarlightException) e).code()).isIn(ErrorCode.TRUNCATED, ErrorCode.MALFORMED);
        }
        Random random = new Random(11);
        for (int k = 0; k < 300; k++) {
            byte[] copy = file.clone();
            copy[chunk[0] + random.nextInt(Math.min(chunk[1], 400))] ^= (byte) (1 << random.nextInt(8));
            try {
                Vp8lDecoder.decode(copy, chunk[0], chunk[1], 100_000_000L);
            } catch (StarlightException e) {
                assertThat(e.code()).isIn(ErrorCode.TRUNCATED, ErrorCode.MALFORMED, ErrorCode.TOO_LARGE);
            }
        }
    }

    @Test
    void declaredSizeAboveTheLimitIsRefused() {
        byte[] stream = Arrays.copyOf(new byte[] {0x2F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}, 16);
        assertThatThrownBy(() -> Vp8lDecoder.decode(stream, 0, stream.length, 1_000_000L))
                .extracting(e -> ((StarlightException) e).code()).isEqualTo(ErrorCode.TOO_LARGE);
    }

    /** Offset and length of the VP8L chunk's payload. */
    private static int[] vp8lChunk(byte[] file) {
        int pos = 12;
        while (pos + 8 <= file.length) {
            String type = new String(file, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int n = (file[pos + 4] & 0xFF) | ((file[pos + 5] & 0xFF) << 8) | ((file[pos + 6] & 0xFF) << 16)
                    | ((file[pos + 7] & 0xFF) << 24);
            if (type.equals("VP8L")) {
                return new int[] {pos + 8, n};
            }
            pos += 8 + n + (n & 1);
        }
        throw new AssertionError("no VP8L chunk");
    }
}
