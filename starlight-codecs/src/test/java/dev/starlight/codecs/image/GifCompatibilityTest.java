package dev.starlight.codecs.image;

import static dev.starlight.codecs.image.BmpCompatibilityTest.imageIoRgb;
import static dev.starlight.codecs.image.BmpCompatibilityTest.rgb;
import static dev.starlight.codecs.image.JpegCompatibilityTest.codeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.starlight.codecs.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * GIFs that ImageIO and giflib open and we used to refuse: an LZW minimum code size of 11 (codes 12 bits wide from
 * the start), and no colour table at all. Built here byte by byte with a plain LZW writer that sends only literals
 * (a clear code before the table would widen the codes), and compared with the indices they were built from and
 * with ImageMagick's decode (ImageIO refuses code size 11) or ImageIO's (no colour table).
 */
class GifCompatibilityTest {

    @Test
    void lzwMinimumCodeSizeElevenGivesBackTheIndicesItWasBuiltFrom() throws IOException {
        int w = 37;
        int h = 23;
        int[] indices = picture(w, h);
        byte[] file = gif(w, h, true, 11, indices);
        DecodedImage image = ImageCodecs.decode(file);
        assertThat(image.indices()).isEqualTo(indices);
        assertThat(image.warnings()).isEmpty();
    }

    @Test
    void lzwMinimumCodeSizeElevenDecodesAsImageMagickDecodesIt() throws Exception {
        // ImageIO refuses this file ("Bad code size:11"); ImageMagick and giflib read it
        Path convert = Stream.of("/usr/bin/convert-im6.q16", "/usr/bin/convert").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(convert != null, "ImageMagick not installed: the comparison with its decode is skipped");
        byte[] file = gif(37, 23, true, 11, picture(37, 23));
        Path gif = Files.createTempFile("code-size-11", ".gif");
        try {
            Files.write(gif, file);
            Process p = new ProcessBuilder(convert.toString(), gif.toString(), "-depth", "8", "rgb:-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] magick = p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
            int[] ours = rgb(ImageCodecs.decode(file));
            int[] theirs = new int[magick.length / 3];
            for (int i = 0; i < theirs.length; i++) {
                theirs[i] = (magick[3 * i] & 255) << 16 | (magick[3 * i + 1] & 255) << 8 | magick[3 * i + 2] & 255;
            }
            assertThat(ours).isEqualTo(theirs);
        } finally {
            Files.delete(gif);
        }
    }

    @Test
    void aGifWithNoColourTableGetsTheDefaultPaletteAsImageIoShowsItAndSaysSo() throws IOException {
        int w = 16;
        int h = 16;
        int[] indices = picture(w, h);
        byte[] file = gif(w, h, false, 8, indices);
        DecodedImage image = ImageCodecs.decode(file);
        assertThat(image.indices()).isEqualTo(indices);
        assertThat(rgb(image)).isEqualTo(imageIoRgb(file));
        assertThat(image.warnings()).extracting(DecodeWarning::code).containsExactly(DecodeWarning.DEFAULT_PALETTE);
    }

    @Test
    void minimumCodeSizesAboveElevenStayMalformed() {
        assertThat(codeOf(gif(4, 4, true, 12, new int[16]))).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void codeSizeElevenLiteralsPastThePaletteAreMalformed() {
        int[] indices = new int[16];
        indices[5] = 1000; // a valid 12-bit literal, but no palette has 1000 entries
        assertThat(codeOf(gif(4, 4, true, 11, indices))).isEqualTo(ErrorCode.MALFORMED);
    }

    static int[] picture(int w, int h) {
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = (i % w * 7 + i / w * 11) & 255;
        }
        return out;
    }

    /** A one-frame GIF89a; with a 256-entry global table, or none. */
    static byte[] gif(int w, int h, boolean table, int minCodeSize, int[] indices) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes());
        le16(out, w);
        le16(out, h);
        out.write(table ? 0xF7 : 0x70);
        out.write(0);
        out.write(0);
        if (table) {
            for (int i = 0; i < 256; i++) {
                out.write(i);
                out.write(255 - i);
                out.write(i * 5);
            }
        }
        out.write(0x2C);
        le16(out, 0);
        le16(out, 0);
        le16(out, w);
        le16(out, h);
        out.write(0);
        out.write(minCodeSize);
        byte[] lzw = literalsOnly(indices, minCodeSize);
        for (int p = 0; p < lzw.length; p += 255) {
            int n = Math.min(255, lzw.length - p);
            out.write(n);
            out.write(lzw, p, n);
        }
        out.write(0);
        out.write(0x3B);
        return out.toByteArray();
    }

    /** LZW codes that are all literals: a clear code whenever the decoder's next entry would widen the codes. */
    static byte[] literalsOnly(int[] indices, int minCodeSize) {
        int clear = 1 << minCodeSize;
        int width = Math.min(12, minCodeSize + 1);
        int room = Math.max(1, Math.min(1 << width, 4096) - (clear + 2) - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long acc = 0;
        int bits = 0;
        int sinceClear = 0;
        int[] codes = new int[indices.length * 2 + 2];
        int n = 0;
        codes[n++] = clear;
        for (int index : indices) {
            if (sinceClear == room) {
                codes[n++] = clear;
                sinceClear = 0;
            }
            codes[n++] = index;
            sinceClear++;
        }
        codes[n++] = clear + 1;
        for (int i = 0; i < n; i++) {
            acc |= (long) codes[i] << bits;
            bits += width;
            while (bits >= 8) {
                out.write((int) (acc & 255));
                acc >>>= 8;
                bits -= 8;
            }
        }
        if (bits > 0) {
            out.write((int) acc);
        }
        return out.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 255);
        out.write(v >> 8);
    }
}
