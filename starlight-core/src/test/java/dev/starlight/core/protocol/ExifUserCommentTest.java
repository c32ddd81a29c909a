package dev.starlight.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.image.meta.ExifComment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExifUserCommentTest {

    @Test
    void writtenTiffReadsBackThroughMetadataExtractor() {
        byte[] message = "a message in the user comment".getBytes(StandardCharsets.UTF_8);
        byte[] tiff = ExifUserComment.tiffWithUserComment(message);
        ExifComment comment = ExifComment.read(tiff).orElseThrow();
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
