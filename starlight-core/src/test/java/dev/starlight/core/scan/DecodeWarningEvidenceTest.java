package dev.starlight.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.core.Evidence;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A file a decoder opened by tolerating something (here a camera JPEG missing its last bytes) gets a verdict, and
 * the result says so: a {@code decode.truncated} evidence row without a score, in the same JSON shape as before.
 */
class DecodeWarningEvidenceTest {

    @Test
    void aTruncatedJpegGetsAVerdictAndADecodeTruncatedEvidenceRow() throws IOException {
        BufferedImage picture = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                picture.setRGB(x, y, (x * 2) << 16 | (y * 3) << 8 | (x + y) & 255);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", out);
        byte[] full = out.toByteArray();
        byte[] cut = Arrays.copyOf(full, full.length - full.length / 4);

        ScanResult whole = new Scanner().scan(full);
        ScanResult truncated = new Scanner().scan(cut);
        assertThat(truncated.isError()).as("%s", truncated.error()).isFalse();
        assertThat(truncated.width()).isEqualTo(96);
        List<Evidence> notes = truncated.evidence().stream().filter(e -> e.detector().startsWith("decode.")).toList();
        assertThat(notes).extracting(Evidence::detector).containsExactly("decode.truncated");
        assertThat(notes.get(0).score()).isNull();
        assertThat(notes.get(0).detail()).contains("the data ends at offset " + cut.length);
        assertThat(whole.evidence()).noneMatch(e -> e.detector().startsWith("decode."));

        // the JSON keeps its fields; the row reads back
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(ScanResultJson.write(truncated)).fieldNames().forEachRemaining(names::add);
        List<String> before = new ArrayList<>();
        new ObjectMapper().readTree(ScanResultJson.write(whole)).fieldNames().forEachRemaining(before::add);
        assertThat(names).isEqualTo(before);
        assertThat(ScanResultJson.read(ScanResultJson.write(truncated))).isEqualTo(truncated);
    }
}
