package dev.starlight.codecs.image.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class PngTextTest {

    @Test
    void textChunkHasItsKeywordAndLatin1Text() {
        PngText t = PngText.read(PngText.Chunk.TEXT, bytes("Comment\0caf\u00e9", StandardCharsets.ISO_8859_1));
        assertThat(t).isEqualTo(new PngText("Comment", "caf\u00e9", false, false));
    }

    @Test
    void compressedTextIsInflated() {
        byte[] body = concat(bytes("Comment\0\0", StandardCharsets.ISO_8859_1), deflate(ascii("hidden words")));
        assertThat(PngText.read(PngText.Chunk.ZTXT, body)).isEqualTo(new PngText("Comment", "hidden words", true, false));
    }

    @Test
    void internationalTextIsUtf8AfterLanguageAndTranslatedKeyword() {
        byte[] plain = concat(ascii("Title\0\0\0en\0Titel\0"), bytes("gr\u00fc\u00df", StandardCharsets.UTF_8));
        assertThat(PngText.read(PngText.Chunk.ITXT, plain)).isEqualTo(new PngText("Title", "gr\u00fc\u00df", false, true));
        byte[] packed = concat(ascii("Title\0\1\0en\0\0"), deflate(bytes("gr\u00fc\u00df", StandardCharsets.UTF_8)));
        assertThat(PngText.read(PngText.Chunk.ITXT, packed).text()).isEqualTo("gr\u00fc\u00df");
        assertThat(PngText.read(PngText.Chunk.ITXT, packed).compressed()).isTrue();
    }

    @Test
    void bodyWithoutKeywordSeparatorIsAllText() {
        assertThat(PngText.read(PngText.Chunk.ZTXT, ascii("no separator"))).isEqualTo(
                new PngText("", "no separator", false, false));
    }

    @Test
    void truncatedChunksGiveTheKeywordAndNoText() {
        assertThat(PngText.read(PngText.Chunk.ITXT, ascii("Title\0"))).isEqualTo(new PngText("Title", "", false, true));
        assertThat(PngText.read(PngText.Chunk.ITXT, ascii("Title\0\0\0en"))).isEqualTo(
                new PngText("Title", "", false, true));
        assertThat(PngText.read(PngText.Chunk.ITXT, ascii("Title\0\0\0en\0Titel")).text()).isEmpty();
        assertThat(PngText.read(PngText.Chunk.ZTXT, ascii("Comment\0\0")).text()).isEmpty();
        assertThat(PngText.read(PngText.Chunk.ZTXT, ascii("Comment\0")).text()).isEmpty();
    }

    @Test
    void corruptDeflateStreamGivesNoText() {
        assertThat(PngText.read(PngText.Chunk.ZTXT, ascii("Comment\0\0not deflate at all")).text()).isEmpty();
    }

    @Test
    void compressedTextIsInflatedOnlyUpToTheCap() {
        byte[] bomb = deflate(new byte[4 * ImageLimits.MAX_INFLATED_TEXT_BYTES]);
        byte[] body = concat(ascii("Comment\0\0"), bomb);
        assertThat(bomb.length).isLessThan(10_000);
        assertThat(PngText.read(PngText.Chunk.ZTXT, body).text()).hasSize(ImageLimits.MAX_INFLATED_TEXT_BYTES);
    }

    @Test
    void chunkTypeIsNamedByTheStartOfTheMetadataKey() {
        assertThat(PngText.Chunk.ofKey("zTXt:Comment")).isEqualTo(PngText.Chunk.ZTXT);
        assertThat(PngText.Chunk.ofKey("iTXt:XML:com.adobe.xmp")).isEqualTo(PngText.Chunk.ITXT);
        assertThat(PngText.Chunk.ofKey("tEXt:Comment")).isEqualTo(PngText.Chunk.TEXT);
    }

    @Test
    void everyTruncationOfAChunkReadsWithoutAnException() {
        byte[] full = concat(ascii("Title\0\1\0en\0Titel\0"), deflate(ascii("a message that was compressed")));
        for (int n = 0; n <= full.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(full, n);
            for (PngText.Chunk c : PngText.Chunk.values()) {
                assertThat(PngText.read(c, cut)).isNotNull();
            }
        }
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
            z.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String s, java.nio.charset.Charset cs) {
        return s.getBytes(cs);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
