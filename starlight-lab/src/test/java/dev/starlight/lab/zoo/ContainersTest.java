package dev.starlight.lab.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.lab.dataset.SyntheticCovers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainersTest {

    /** SOI, an APP1 of 6 bytes, a DQT-like segment, EOI. */
    private static byte[] tinyJpeg(int fill) {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 6, 1, 2, 3, 4,
            (byte) 0xFF, (byte) 0xDB, 0, 3, (byte) fill, (byte) 0xFF, (byte) 0xD9};
    }

    @Test
    void theMpfIndexFollowsTheAppSegmentsAndPointsAtThePreviewAfterThePrimaryImage() {
        byte[] primary = tinyJpeg(7);
        byte[] preview = tinyJpeg(9);
        byte[] file = Containers.withMpfPreview(primary, preview);
        int app2 = 2 + 8; // after SOI and the APP1
        assertThat(file[app2] & 0xFF).isEqualTo(0xFF);
        assertThat(file[app2 + 1] & 0xFF).isEqualTo(0xE2);
        assertThat(new String(file, app2 + 4, 4, StandardCharsets.US_ASCII)).isEqualTo("MPF\0");
        int header = app2 + 8;
        ByteBuffer mp = ByteBuffer.wrap(file);
        int entries = header + mp.getInt(header + 8 + 2 + 2 * 12 + 8); // MPEntry's value offset
        int firstSize = mp.getInt(entries + 4);
        int previewLength = mp.getInt(entries + 16 + 4);
        int previewOffset = mp.getInt(entries + 16 + 8);
        assertThat(firstSize).isEqualTo(file.length - preview.length);
        assertThat(previewLength).isEqualTo(preview.length);
        assertThat(header + previewOffset).isEqualTo(firstSize);
        assertThat(java.util.Arrays.copyOfRange(file, firstSize, file.length)).isEqualTo(preview);
    }

    @Test
    void theSamsungTrailerEndsWithItsDirectoryAndSeft() {
        byte[] jpeg = tinyJpeg(1);
        byte[] file = Containers.withSamsungTrailer(jpeg, 1_600_000_000_000L, 262);
        assertThat(new String(file, file.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("SEFT");
        int dirSize = ByteBuffer.wrap(file, file.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        int dir = file.length - 8 - dirSize;
        assertThat(new String(file, dir, 4, StandardCharsets.US_ASCII)).isEqualTo("SEFH");
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).contains("Image_UTC_Data1600000000000")
                .contains("MCC_Data262");
    }

    @Test
    void anApngHasOneFrameControlPerFrameAndSequenceNumbersInOrder() {
        byte[] a = SyntheticCovers.encoded(ImageFormat.PNG, 32, 1);
        byte[] b = SyntheticCovers.encoded(ImageFormat.PNG, 32, 2);
        byte[] apng = Containers.apng(List.of(a, b, a), 10);
        List<String> types = new ArrayList<>();
        List<Integer> sequence = new ArrayList<>();
        int at = 8;
        while (at < apng.length) {
            int length = ByteBuffer.wrap(apng, at, 4).getInt();
            String type = new String(apng, at + 4, 4, StandardCharsets.US_ASCII);
            types.add(type);
            if (type.equals("fcTL") || type.equals("fdAT")) {
                sequence.add(ByteBuffer.wrap(apng, at + 8, 4).getInt());
            }
            at += 12 + length;
        }
        assertThat(types.get(0)).isEqualTo("IHDR");
        assertThat(types.get(1)).isEqualTo("acTL");
        assertThat(types.stream().filter("fcTL"::equals).count()).isEqualTo(3);
        assertThat(types).contains("IDAT", "fdAT").last().isEqualTo("IEND");
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }
        assertThat(ByteBuffer.wrap(apng, 8 + 12 + 13 + 8, 4).getInt()).as("acTL frame count").isEqualTo(3);
        assertThatThrownBy(() -> Containers.apng(List.of(a, SyntheticCovers.encoded(ImageFormat.PNG, 40, 1)), 10))
                .isInstanceOf(ZooToolException.class);
    }

    @Test
    void aMissingToolAndAFailingToolHaveTheirOwnCodes() {
        assertThatThrownBy(() -> Tools.run(List.of("starlight-no-such-zoo-tool"), null))
                .isInstanceOfSatisfying(ZooToolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ZooToolException.Code.TOOL_MISSING);
                    assertThat(e.getMessage()).contains("starlight-no-such-zoo-tool").contains("bin/install-zoo-tools");
                });
        assertThatThrownBy(() -> Tools.run(List.of("sh", "-c", "echo broken >&2; exit 3"), null))
                .isInstanceOfSatisfying(ZooToolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ZooToolException.Code.TOOL_FAILED);
                    assertThat(e.getMessage()).contains("exited with 3").contains("broken");
                });
    }
}
