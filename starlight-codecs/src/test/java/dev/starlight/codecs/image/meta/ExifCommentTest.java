package dev.starlight.codecs.image.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExifCommentTest {

    @Test
    void userCommentOfTheExifIfdIsReadAndDecoded() {
        byte[] tiff = new TinyTiff().userComment("ASCII\0\0\0a hidden message".getBytes(StandardCharsets.US_ASCII))
                .write();
        ExifComment comment = ExifComment.read(tiff).orElseThrow();
        assertThat(comment.charset()).isEqualTo("ASCII");
        assertThat(new String(comment.message(), StandardCharsets.US_ASCII)).isEqualTo("a hidden message");
        assertThat(comment.isBlank()).isFalse();
    }

    @Test
    void tiffWithoutUserCommentHasNone() {
        assertThat(ExifComment.read(new TinyTiff().ascii(0x013B, "the artist").write())).isEmpty();
    }

    @Test
    void unknownAndMissingPrefixesAreNamed() {
        assertThat(ExifComment.decode("JIS\0\0\0\0\0abc".getBytes(StandardCharsets.US_ASCII), true).charset())
                .isEqualTo("JIS");
        assertThat(ExifComment.decode("XXXXXXXXabc".getBytes(StandardCharsets.US_ASCII), true).charset())
                .isEqualTo("UNDEFINED");
        ExifComment none = ExifComment.decode("abc\0".getBytes(StandardCharsets.US_ASCII), true);
        assertThat(none.charset()).isEqualTo("NONE");
        assertThat(new String(none.message(), StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void trailingNulRequiredByTheSpecIsNotPartOfTheMessage() {
        byte[] value = "ASCII\0\0\0hi there\0".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(ExifComment.decode(value, true).message(), StandardCharsets.US_ASCII))
                .isEqualTo("hi there");
    }

    @Test
    void unicodeCommentIsReturnedAsUtf8() {
        byte[] prefix = "UNICODE\0".getBytes(StandardCharsets.US_ASCII);
        byte[] body = "héllo".getBytes(StandardCharsets.UTF_16LE);
        byte[] value = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, value, 0, prefix.length);
        System.arraycopy(body, 0, value, prefix.length, body.length);
        assertThat(new String(ExifComment.decode(value, false).message(), StandardCharsets.UTF_8))
                .isEqualTo("héllo");
    }

    @Test
    void cameraStyleBlankCommentsAreBlank() {
        assertThat(ExifComment.isBlank("        ".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(ExifComment.isBlank(new byte[12])).isTrue();
        assertThat(ExifComment.isBlank("x".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void garbageTiffGivesNoCommentRatherThanAnException() {
        assertThat(ExifComment.read(new byte[] {'M', 'M', 0, 42, 0x7F, 0, 0, 0})).isEmpty();
        assertThat(ExifComment.read(new byte[0])).isEmpty();
    }
}
