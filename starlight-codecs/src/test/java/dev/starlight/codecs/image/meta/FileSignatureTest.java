package dev.starlight.codecs.image.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FileSignatureTest {

    @Test
    void distinctiveMagicIsFoundAnywhereWithItsOffset() {
        assertThat(FileSignature.find(ascii("PK\3\4rest of a zip"))).contains(new FileSignature.Appended("zip archive", 0));
        assertThat(FileSignature.find(ascii("junk%PDF-1.7"))).contains(new FileSignature.Appended("pdf document", 4));
    }

    @Test
    void shortMagicCountsOnlyAtTheStart() {
        assertThat(FileSignature.find(ascii("\u001f\u008b\u0008 gzip"))).contains(
                new FileSignature.Appended("gzip stream", 0));
        assertThat(FileSignature.find(ascii("xx\u001f\u008b\u0008 gzip"))).isEmpty();
    }

    @Test
    void earlierEntriesOfTheListWin() {
        assertThat(FileSignature.find(ascii("%PDF- then PK\3\4"))).contains(new FileSignature.Appended("zip archive", 11));
    }

    @Test
    void ambiguousMagicNeedsWhatFollowsIt() {
        assertThat(FileSignature.find(ascii("BZh91AY&SY and more"))).contains(new FileSignature.Appended("bzip2 stream", 0));
        assertThat(FileSignature.find(ascii("BZhx1AY&SY and more"))).isEmpty();
        assertThat(FileSignature.find(ascii("BZh9"))).isEmpty();
        assertThat(FileSignature.find(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains(new FileSignature.Appended("webp image", 0));
        assertThat(FileSignature.find(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
        assertThat(FileSignature.find(ascii("RIFF"))).isEmpty();
    }

    @Test
    void windowsExecutableIsFoundByItsPeHeader() {
        byte[] exe = new byte[0x50];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = 0x44;
        System.arraycopy(ascii("PE\0\0"), 0, exe, 0x44, 4);
        assertThat(FileSignature.find(exe)).contains(new FileSignature.Appended("windows executable", 0));
        exe[0x3C] = (byte) 0xFF;
        exe[0x3F] = (byte) 0x7F;
        assertThat(FileSignature.find(exe)).isEmpty();
        assertThat(FileSignature.find(Arrays.copyOf(exe, 0x3F))).isEmpty();
    }

    @Test
    void mp4IsRecognisedByItsFtypBox() {
        assertThat(FileSignature.isMp4(ascii("\0\0\0\u0018ftypmp42"))).isTrue();
        assertThat(FileSignature.isMp4(ascii("\0\0\0\u0018ftyp"))).isFalse();
        assertThat(FileSignature.find(ascii("\0\0\0\u0018ftypmp42"))).isEmpty();
    }

    @Test
    void emptyAndTruncatedInputsFindNothing() {
        assertThat(FileSignature.find(new byte[0])).isEmpty();
        byte[] rar = ascii("Rar!\u001a\u0007\u0001\u0000");
        for (int n = 0; n < rar.length - 1; n++) {
            assertThat(FileSignature.find(Arrays.copyOf(rar, n))).isEmpty();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
