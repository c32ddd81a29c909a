package dev.starlight.codecs.image.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExifFieldsTest {
    private static final byte[] TIFF = new TinyTiff()
            .ascii(0x010E, "a description of the picture")
            .ascii(0x013B, "the artist")
            .bytes(0x9C9C, "a windows comment".getBytes(StandardCharsets.UTF_16LE))
            .userComment("ASCII\0\0\0a comment in the exif ifd".getBytes(StandardCharsets.US_ASCII))
            .write();

    @Test
    void textTagsAreReadDirectoryByDirectoryWithTheirNames() {
        List<String> fields = ExifFields.textFields(TIFF).stream()
                .map(f -> f.name() + "=" + new String(f.value(), StandardCharsets.UTF_8)).toList();
        assertThat(fields).containsExactly("ImageDescription=a description of the picture", "Artist=the artist",
                "XPComment=a windows comment", "UserComment (ASCII)=a comment in the exif ifd");
    }

    @Test
    void blankUserCommentIsLeftOut() {
        byte[] tiff = new TinyTiff().userComment("ASCII\0\0\0        ".getBytes(StandardCharsets.US_ASCII)).write();
        assertThat(ExifFields.textFields(tiff)).isEmpty();
    }

    @Test
    void unreadableBlocksGiveNoFieldsRatherThanAnException() {
        assertThat(ExifFields.textFields(new byte[0])).isEmpty();
        assertThat(ExifFields.textFields(new byte[] {'M', 'M', 0, 42, 0x7F, 0, 0, 0})).isEmpty();
        assertThat(ExifFields.textFields("not a tiff header at all".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void everyTruncationReadsWithoutAnException() {
        for (int n = 0; n <= TIFF.length; n++) {
            byte[] cut = Arrays.copyOf(TIFF, n);
            assertThat(ExifFields.textFields(cut)).isNotNull();
            assertThat(ExifComment.read(cut)).isNotNull();
        }
    }
}
