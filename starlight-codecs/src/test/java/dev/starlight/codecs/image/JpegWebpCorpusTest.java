package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every JPEG and WebP of the shared corpus (system property {@code starlight.corpus}) decodes. */
class JpegWebpCorpusTest {

    private static Path corpus() {
        String dir = System.getProperty("starlight.corpus");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "covers")), "corpus not available: " + dir);
        return Path.of(dir);
    }

    private static List<Path> files(Path dir, String... extensions) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Stream.of(extensions).anyMatch(name::endsWith);
            }).sorted().toList();
        }
    }

    @Test
    void everyJpegAndWebpCoverDecodes() throws IOException {
        Path covers = corpus().resolve("covers");
        List<Path> jpegs = files(covers, ".jpg", ".jpeg");
        List<Path> webps = files(covers, ".webp");
        assertThat(jpegs).hasSize(77);
        assertThat(webps).hasSize(76);
        for (Path p : jpegs) {
            DecodedImage img = ImageCodecs.decode(Files.readAllBytes(p));
            assertThat(img.format()).as(p.toString()).isEqualTo(ImageFormat.JPEG);
            assertThat(img.lossy()).isTrue();
            assertThat(img.planes()[0]).as(p.toString()).hasSize(img.pixelCount());
            assertThat(img.trailer()).as(p.toString()).isEmpty();
        }
        for (Path p : webps) {
            byte[] data = Files.readAllBytes(p);
            DecodedImage img = ImageCodecs.decode(data);
            assertThat(img.format()).as(p.toString()).isEqualTo(ImageFormat.WEBP);
            assertThat(img.lossy()).as(p.toString()).isFalse();
            // clean covers are RGB (only alpha stego is RGBA)
            assertThat(img.colorType()).as(p.toString()).isEqualTo(ColorType.RGB);
            assertThat(img.imageEnd()).isEqualTo(data.length);
        }
    }

    @Test
    void referenceStegoJpegAndWebpDecodeWithTheirPayloadCarriers() throws IOException {
        Path stego = corpus().resolve("reference-stego");
        List<Path> all = files(stego, ".jpg", ".webp");
        assertThat(all).hasSizeGreaterThanOrEqualTo(72);
        int exif = 0;
        int eoi = 0;
        int alpha = 0;
        for (Path p : all) {
            byte[] data = Files.readAllBytes(p);
            DecodedImage img = ImageCodecs.decode(data);
            String name = p.getFileName().toString();
            if (name.contains("_exif_")) {
                MetadataSegment seg = img.metadata().stream().filter(m -> m.kind() == MetadataSegment.Kind.EXIF)
                        .findFirst().orElseThrow();
                // data starts at the TIFF header, at its file offset
                assertThat(new String(seg.data(), 0, 2, StandardCharsets.US_ASCII)).isIn("MM", "II");
                assertThat(data[(int) seg.offset()]).isEqualTo(seg.data()[0]);
                assertThat(new String(seg.data(), StandardCharsets.ISO_8859_1)).as(name).contains("ASCII\0\0\0");
                exif++;
            } else if (name.contains("_eoi_")) {
                assertThat(img.trailer()).as(name).isNotEmpty();
                assertThat(img.imageEnd() + img.trailer().length).isEqualTo(data.length);
                eoi++;
            } else if (name.contains("_alpha_")) {
                assertThat(img.colorType()).as(name).isEqualTo(ColorType.RGBA);
                alpha++;
            }
        }
        assertThat(exif).isEqualTo(24);
        assertThat(eoi).isEqualTo(24);
        assertThat(alpha).isEqualTo(12);
    }
}
