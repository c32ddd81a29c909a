package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.core.protocol.BitOrder;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.protocol.Sidecar;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class EmbedExtractTest {
    private static final String MESSAGE = "hello, starlight";
    /**
     * An unmarked EXIF UserComment is a message only when the metadata policy finds it payload-like: a short one-line
     * text is a caption (docs/metadata-policy.md). The exif round trip carries a text longer than captions are.
     */
    private static final String EXIF_MESSAGE = "hello, starlight; ".repeat(16);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path cover(String name, BufferedImage image, String format) throws IOException {
        return TestImages.write(dir.resolve(name), image, format);
    }

    private Path garbage() throws IOException {
        return Files.write(dir.resolve("garbage.png"), "not an image at all".getBytes(StandardCharsets.UTF_8));
    }

    // --- behaviour that holds whatever the decoders can do -------------------------------------------------

    @Test
    void embedIntoSomethingThatIsNoImageFailsWithItsCodeAndExitTwo() throws IOException {
        Path out = dir.resolve("out.png");
        CliRun run = CliRun.of("embed", "--method", "raw", "--message", MESSAGE, "--out", out.toString(),
                garbage().toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("starlight embed: UNSUPPORTED_FORMAT: not PNG, GIF, BMP, JPEG or WebP");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("out.png.json")).doesNotExist();
    }

    @Test
    void embedIntoAMissingCoverIsAnIoError() {
        CliRun run = CliRun.of("embed", "--method", "raw", "--message", MESSAGE, "--out",
                dir.resolve("out.png").toString(), dir.resolve("nope.png").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("starlight embed: IO_ERROR: " + dir.resolve("nope.png") + ": no such file\n");
    }

    @Test
    void embedRefusesToOverwriteWithoutForce() throws IOException {
        Path out = Files.write(dir.resolve("out.png"), new byte[] {1});
        CliRun run = CliRun.of("embed", "--method", "raw", "--message", MESSAGE, "--out", out.toString(),
                garbage().toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(out + " exists (use --force to overwrite)");
        assertThat(Files.readAllBytes(out)).containsExactly(1);
    }

    @Test
    void embedUsageErrorsExitWithTwo() throws IOException {
        String cover = garbage().toString();
        String out = dir.resolve("o.png").toString();
        assertThat(CliRun.of("embed", "--method", "raw", "--out", out, cover).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("embed", "--method", "raw", "--message", "a", "--message-file", cover, "--out", out, cover)
                .exitCode()).isEqualTo(2);
        CliRun unknown = CliRun.of("embed", "--method", "dct", "--message", "a", "--out", out, cover);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown method 'dct' (expected alpha, palette, lsb.rgb, exif or raw)");
        CliRun alphaMsb = CliRun.of("embed", "--method", "alpha", "--bit-order", "msb-first", "--message", "a",
                "--out", out, cover);
        assertThat(alphaMsb.exitCode()).isEqualTo(2);
        assertThat(alphaMsb.err()).contains("--bit-order applies to palette and lsb.rgb only (alpha is always lsb-first)");
        assertThat(CliRun.of("embed", "--method", "exif", "--bit-order", "lsb", "--message", "a", "--out", out, cover)
                .exitCode()).isEqualTo(2);
        assertThat(CliRun.of("embed", "--method", "raw", "--message", "a", cover).exitCode()).isEqualTo(2);
        assertThat(Path.of(out)).doesNotExist();
    }

    @Test
    void extractFromSomethingThatIsNoImageOrIsMissingExitsWithTwo() throws IOException {
        CliRun run = CliRun.of("extract", garbage().toString(), dir.resolve("nope.png").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("starlight extract: " + dir.resolve("garbage.png") + ": UNSUPPORTED_FORMAT: ")
                .contains("starlight extract: IO_ERROR: " + dir.resolve("nope.png") + ": no such file");
        assertThat(run.out()).isEmpty();
        assertThat(CliRun.of("extract").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("extract", "--method", "zzz", garbage().toString()).exitCode()).isEqualTo(2);
    }

    // --- round trips through the real decoders and writers ------------------------------------------------

    @Test
    void extractFindsNothingInACleanCover() throws IOException {
        Path cover = cover("rgb.png", TestImages.rgb(32, 32), "png");
        CliRun run = CliRun.of("extract", cover.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(cover + ": no message found");
    }

    @TestFactory
    Stream<DynamicTest> embedThenExtractRoundTripsForEveryMethodTheCoverSupports() throws IOException {
        Map<String, Path> covers = new java.util.TreeMap<>(Map.of(
                "png-rgb", cover("rgb.png", TestImages.rgb(32, 32), "png"),
                "png-rgba", cover("rgba.png", TestImages.rgba(32, 32), "png"),
                "gif-indexed", cover("indexed.gif", TestImages.indexed(32, 32), "gif"),
                "bmp-24", cover("bgr.bmp", TestImages.bgr(32, 32), "bmp"),
                "jpeg", cover("bgr.jpg", TestImages.bgr(32, 32), "jpeg")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Path> cover : covers.entrySet()) {
            DecodedImage image = TestImages.decode(cover.getValue());
            for (Method method : Method.values()) {
                if (Protocol.method(method).notApplicable(image).isPresent()) {
                    continue;
                }
                boolean lsb = method == Method.PALETTE || method == Method.LSB_RGB;
                for (BitOrder order : lsb ? BitOrder.values() : new BitOrder[] {null}) {
                    String name = cover.getKey() + " " + method.label() + (order == null ? "" : " " + order.label());
                    tests.add(DynamicTest.dynamicTest(name, () -> roundTrip(cover.getValue(), method, order)));
                }
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    private void roundTrip(Path cover, Method method, BitOrder order) throws IOException {
        String message = method == Method.EXIF ? EXIF_MESSAGE : MESSAGE;
        String ext = cover.getFileName().toString().replaceAll(".*\\.", "");
        Path out = dir.resolve("stego-" + method.label() + "-" + (order == null ? "x" : order.label()) + "-"
                + cover.getFileName().toString().replace('.', '-') + "." + ext);
        List<String> args = new ArrayList<>(List.of("embed", "--method", method.label(), "--message", message,
                "--out", out.toString()));
        if (order != null) {
            args.addAll(List.of("--bit-order", order.label()));
        }
        args.add(cover.toString());

        CliRun embed = CliRun.of(args.toArray(String[]::new));
        assertThat(embed.exitCode()).as(embed.err()).isZero();
        assertThat(embed.out()).startsWith("embedded " + message.length() + " bytes with " + method.label());
        Sidecar sidecar = Sidecar.readBeside(out).orElseThrow();
        assertThat(sidecar.method()).contains(method);
        assertThat(sidecar.cleanFile()).isEqualTo(cover.getFileName().toString());
        if (order != null) {
            assertThat(sidecar.embedding().bitOrder()).isEqualTo(order.label());
        }

        Path bins = dir.resolve("bins");
        CliRun forced = CliRun.of("extract", "--json", "--method", method.label(), "--out", bins.toString(),
                out.toString());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        JsonNode found = JSON.readTree(forced.outLines().get(0));
        assertThat(found.get("source").asText()).isEqualTo(out.toString());
        assertThat(found.get("method").asText()).isEqualTo(method.label());
        assertThat(found.get("text").asText()).isEqualTo(message);
        if (order != null) {
            assertThat(found.get("bitOrder").asText()).isEqualTo(order.label());
        }
        Path bin = bins.resolve(out.getFileName() + "." + method.label() + ".bin");
        assertThat(found.get("savedTo").asText()).isEqualTo(bin.toString());
        assertThat(Files.readString(bin)).isEqualTo(message);

        CliRun any = CliRun.of("extract", out.toString());
        assertThat(any.exitCode()).isZero();
        assertThat(any.outLines()).anySatisfy(line -> assertThat(line)
                .startsWith(out + ": " + method.label()).contains("text \"" + message + "\""));

        ScanResult scanned = CliRun.of("scan", "--json", "-q", out.toString()).jsonResults().get(0);
        assertThat(scanned.isStego()).isTrue();
        assertThat(scanned.payload().text()).isEqualTo(message);
    }

    @Test
    void embedReadsTheMessageFromAFileAndCanSkipTheSidecar() throws IOException {
        Path cover = cover("rgb.png", TestImages.rgb(32, 32), "png");
        Path message = Files.writeString(dir.resolve("message.txt"), "from a file\nwith two lines");
        Path out = dir.resolve("out.png");

        CliRun embed = CliRun.of("embed", "--method", "raw", "--ai42", "--message-file", message.toString(),
                "--no-sidecar", "--out", out.toString(), cover.toString());

        assertThat(embed.exitCode()).as(embed.err()).isZero();
        assertThat(dir.resolve("out.png.json")).doesNotExist();
        CliRun extract = CliRun.of("extract", "--json", out.toString());
        JsonNode found = JSON.readTree(extract.outLines().get(0));
        assertThat(found.get("text").asText()).isEqualTo("from a file\nwith two lines");
        assertThat(found.get("ai42").asBoolean()).isTrue();
    }
}
