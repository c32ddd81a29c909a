package dev.starlight.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.Evidence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class TrailerDetectorTest {
    private final TrailerDetector detector = new TrailerDetector();

    private Evidence run(byte[] file) {
        DecodedImage image = ImageCodecs.decode(file);
        return detector.analyse(image, file).get(0);
    }

    @Test
    void zipAppendedToPngScoresHighAndIsNamedWithItsOffset() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("secret.txt"));
            z.write("the secret plans".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        byte[] png = ContainerFixtures.png();
        Evidence e = run(ContainerFixtures.append(png, zip.toByteArray()));
        assertThat(e.detector()).isEqualTo("trailer");
        assertThat(e.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(e.detail()).startsWith("zip archive at +" + png.length + ", " + zip.size() + " bytes");
    }

    @Test
    void fourZeroBytesAfterJpegAreHarmlessPadding() {
        Evidence e = run(ContainerFixtures.append(ContainerFixtures.jpeg(), new byte[4]));
        assertThat(e.score()).isZero();
        assertThat(e.detail()).startsWith("harmless: zero padding");
    }

    @Test
    void singleNewlineIsHarmless() {
        Evidence e = run(ContainerFixtures.append(ContainerFixtures.png(), new byte[] {'\r', '\n'}));
        assertThat(e.score()).isZero();
        assertThat(e.detail()).startsWith("harmless:");
    }

    @Test
    void noTrailerStillRunsWithScoreZero() {
        Evidence e = run(ContainerFixtures.png());
        assertThat(e.notRunAtAll()).isFalse();
        assertThat(e.score()).isZero();
    }

    @Test
    void appendedTextScoresHigh() {
        byte[] text = "meet me at the old bridge at noon".getBytes(StandardCharsets.UTF_8);
        Evidence e = run(ContainerFixtures.append(ContainerFixtures.jpeg(), text));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(e.detail()).startsWith("text at +");
    }

    @Test
    void highEntropyBytesScoreHighAndShortJunkLow() {
        byte[] random = new byte[64];
        new Random(7).nextBytes(random);
        assertThat(run(ContainerFixtures.append(ContainerFixtures.png(), random)).score())
                .isGreaterThanOrEqualTo(0.95);
        Evidence junk = run(ContainerFixtures.append(ContainerFixtures.png(), new byte[] {1, (byte) 0x90, 7}));
        assertThat(junk.score()).isBetween(0.1, 0.5);
    }

    @Test
    void appendedGifIsRecognisedAfterOtherBytes() {
        byte[] tail = ContainerFixtures.append(new byte[] {9, 9, 9}, "GIF89a....".getBytes(StandardCharsets.US_ASCII));
        Evidence e = run(ContainerFixtures.append(ContainerFixtures.png(), tail));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(e.detail()).contains("gif image").contains("after 3 other bytes");
    }

    @Test
    void samsungSefTrailerIsHarmless() {
        ByteArrayOutputStream sef = new ByteArrayOutputStream();
        sef.writeBytes("Image_UTC_Data1700000000000".getBytes(StandardCharsets.US_ASCII));
        byte[] sefh = "SEFH\u0065\0\0\0\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        sef.writeBytes(sefh);
        sef.writeBytes(new byte[] {(byte) sefh.length, 0, 0, 0});
        sef.writeBytes("SEFT".getBytes(StandardCharsets.US_ASCII));
        Evidence e = run(ContainerFixtures.append(ContainerFixtures.jpeg(), sef.toByteArray()));
        assertThat(e.score()).isZero();
        assertThat(e.detail()).contains("Samsung");
    }
}
