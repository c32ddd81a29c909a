package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tiny files that declare images far larger than their data could encode are refused before decoding. */
class DecompressionBombTest {

    @Test
    void losslessWebpDeclaring6000x6000FromAFewBytesIsABomb() {
        int[][] p = {{0}, {0}, {0}};
        byte[] file = new WebpWriter().encode(new DecodedImage(ImageFormat.WEBP, 1, 1, 8, ColorType.RGB, p, null, null,
                false, List.of(), List.of(), 0, null));
        // VP8L payload at 20: signature, then 14 bits width-1, 14 bits height-1, alpha, version
        int bits = (5999) | (5999 << 14);
        int o = 21;
        int keep = (file[o + 3] & 0xF0);
        file[o] = (byte) bits;
        file[o + 1] = (byte) (bits >>> 8);
        file[o + 2] = (byte) (bits >>> 16);
        file[o + 3] = (byte) (keep | ((bits >>> 24) & 0x0F));
        assertThatThrownBy(() -> ImageCodecs.decode(file)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.DECOMPRESSION_BOMB);
    }

    @Test
    void jpegDeclaring6000x6000WithAFewHundredBytesIsABomb() {
        int[][] p = {new int[64], new int[64], new int[64]};
        byte[] file = new JpegWriter().encode(new DecodedImage(ImageFormat.JPEG, 8, 8, 8, ColorType.RGB, p, null, null,
                true, List.of(), List.of(), 0, null));
        for (int i = 2; i < file.length - 8; i++) {
            if ((file[i] & 0xFF) == 0xFF && (file[i + 1] & 0xFF) == 0xC0) {
                file[i + 5] = 0x17; // height 6000
                file[i + 6] = 0x70;
                file[i + 7] = 0x17; // width 6000
                file[i + 8] = 0x70;
                break;
            }
        }
        assertThatThrownBy(() -> ImageCodecs.decode(file)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.DECOMPRESSION_BOMB);
    }
}
