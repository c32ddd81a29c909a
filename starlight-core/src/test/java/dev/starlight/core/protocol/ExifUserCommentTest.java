package dev.starlight.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExifUserCommentTest {

    @Test
    void writtenTiffReadsBackThroughMetadataExtractor() {
        byte[] message = "a message in the user comment".getBytes(StandardCharsets.UTF_8);
        byte[] tiff = ExifUserComment.tiffWithUserComment(message);
        byte[] value = ExifUserComment.read(tiff).orElseThrow();
        ExifUserComment.Comment comment = ExifUserComment.decode(value, true);
        assertThat(comment.charset()).isEqualTo("ASCII");
        assertThat(comment.message()).isEqualTo(message);
    }

    @Test
    void writtenTiffMatchesTheReferenceGeneratorByteForByte() throws Exception {
        byte[] jpeg = Files.readAllBytes(Corpus.root().resolve("reference-stego/seed1_exif_004.jpg"));
        byte[] payload = Files.readAllBytes(Corpus.payload("seed1.md"));
        int app1 = indexOf(jpeg, "Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        int length = ((jpeg[app1 - 2] & 0xFF) << 8) | (jpeg[app1 - 1] & 0xFF);
        byte[] referenceTiff = Arrays.copyOfRange(jpeg, app1 + 6, app1 - 2 + length);
        assertThat(ExifUserComment.tiffWithUserComment(payload)).isEqualTo(referenceTiff);
    }

    @Test
    void trailingNulRequiredByTheSpecIsNotPartOfTheMessage() {
        byte[] value = "ASCII\0\0\0hi there\0".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(ExifUserComment.decode(value, true).message(), StandardCharsets.US_ASCII))
                .isEqualTo("hi there");
    }

    @Test
    void unicodeCommentIsReturnedAsUtf8() {
        byte[] prefix = "UNICODE\0".getBytes(StandardCharsets.US_ASCII);
        byte[] body = "héllo".getBytes(StandardCharsets.UTF_16LE);
        byte[] value = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, value, 0, prefix.length);
        System.arraycopy(body, 0, value, prefix.length, body.length);
        assertThat(new String(ExifUserComment.decode(value, false).message(), StandardCharsets.UTF_8))
                .isEqualTo("héllo");
    }

    @Test
    void cameraStyleBlankCommentsAreBlank() {
        assertThat(ExifUserComment.isBlank("        ".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(ExifUserComment.isBlank(new byte[12])).isTrue();
        assertThat(ExifUserComment.isBlank("x".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void garbageTiffGivesNoCommentRatherThanAnException() {
        assertThat(ExifUserComment.read(new byte[] {'M', 'M', 0, 42, 0x7F, 0, 0, 0})).isEmpty();
        assertThat(ExifUserComment.read(new byte[0])).isEmpty();
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
