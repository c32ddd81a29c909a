package dev.starlight.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.core.scan.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tools make the stego, at test time, and the search must find every message exactly: stepic (Debian),
 * steggy and npm lsb (npm; {@code bin/install-stego-tools} installs all three). A missing tool skips its test,
 * saying so. The committed fixtures (made by the same tools, see fixtures/README.md) are checked without them.
 */
class ToolFormatsTest {
    private static final String FIXTURES = "/dev/starlight/core/search/fixtures/";

    @TempDir
    Path dir;

    @Test
    void stepicStegoOfEveryMessageAndCoverIsFoundExactly() throws Exception {
        assumeTrue(onPath("stepic"), "stepic not installed (bin/install-stego-tools): stepic check skipped");
        List<String> misses = new ArrayList<>();
        int n = 0;
        for (DecodedImage cover : covers()) {
            for (byte[] message : messages(true)) {
                Path in = write("cover" + n + ".png", SyntheticImages.encode(cover));
                Path data = write("message" + n, message);
                Path out = dir.resolve("stepic" + n++ + ".png");
                run("stepic", "-e", "-i", in.toString(), "-t", data.toString(), "-o", out.toString(), "-f", "PNG");
                check(out, message, "stepic", misses);
            }
        }
        System.out.printf("stepic: %d of %d files found with the message exact%n", n - misses.size(), n);
        assertThat(misses).as("stepic files not found exactly, of %d", n).isEmpty();
    }

    @Test
    void steggyStegoOfTextAndBinaryMessagesIsFoundExactlyAndItsEncryptedFormByItsHash() throws Exception {
        assumeNodeTool("steggy");
        List<String> misses = new ArrayList<>();
        int n = 0;
        for (DecodedImage cover : covers()) {
            for (byte[] message : messages(false)) {
                Path out = nodeStego("steggy", cover, message, n++, null);
                check(out, message, "steggy", misses);
            }
            Path encrypted = nodeStego("steggy", cover, "a secret sent with a password".getBytes(StandardCharsets.UTF_8),
                    n++, "hunter2");
            Optional<Recognised> r = LsbSearch.find(ImageCodecs.decode(Files.readAllBytes(encrypted)));
            if (r.isEmpty() || !r.get().layout().equals("steggy") || r.get().payload().length % 16 != 0) {
                misses.add(encrypted.getFileName() + " (encrypted): " + r);
            }
        }
        System.out.printf("steggy: %d of %d files found with the message exact (encrypted: the ciphertext)%n",
                n - misses.size(), n);
        assertThat(misses).as("steggy files not found exactly, of %d", n).isEmpty();
    }

    @Test
    void npmLsbStegoIsFoundExactlyAcrossItsOddLengthHeader() throws Exception {
        assumeNodeTool("lsb");
        List<String> misses = new ArrayList<>();
        int n = 0;
        for (DecodedImage cover : covers()) {
            for (byte[] message : messages(true)) {
                Path out = nodeStego("npm-lsb", cover, message, n++, null);
                check(out, message, "npm-lsb", misses);
            }
        }
        System.out.printf("npm-lsb: %d of %d files found with the message exact%n", n - misses.size(), n);
        assertThat(misses).as("npm lsb files not found exactly, of %d", n).isEmpty();
    }

    @Test
    void theCommittedFixturesOfEachToolGiveTheirMessageThroughTheScanner() throws Exception {
        String expected = resource("message.txt");
        assertThat(LsbSearch.find(ImageCodecs.decode(bytes("cover.png")))).isEmpty();
        for (String tool : List.of("stepic", "steggy", "npm-lsb")) {
            byte[] file = bytes(tool + ".png");
            ScanResult result = new Scanner().scan(file);
            assertThat(result.verdict()).as(tool).isEqualTo(Verdict.STEGO);
            assertThat(result.method()).as(tool).isEqualTo("lsb.rgb");
            assertThat(result.payload().text()).as(tool).isEqualTo(expected);
            assertThat(result.evidence()).as(tool).anyMatch(e -> e.detector().equals("extract.lsb.rgb")
                    && e.detail().startsWith(tool + ": "));
        }
    }

    private void check(Path file, byte[] message, String tool, List<String> misses) throws IOException {
        Optional<Recognised> r = LsbSearch.find(ImageCodecs.decode(Files.readAllBytes(file)));
        if (r.isEmpty() || !r.get().layout().equals(tool) || !Arrays.equals(r.get().payload(), message)) {
            misses.add(file.getFileName() + " (" + message.length + " bytes): " + r.map(x -> x.layout() + " "
                    + x.what()).orElse("nothing"));
        }
    }

    /** RGB and RGBA covers of several sizes, drawn in code. */
    private static List<DecodedImage> covers() {
        return List.of(SyntheticImages.rgb(ImageFormat.PNG, 200, 150, false, 8, 1),
                SyntheticImages.rgb(ImageFormat.PNG, 128, 128, true, 8, 2),
                SyntheticImages.rgb(ImageFormat.PNG, 300, 97, false, 8, 3));
    }

    /** Texts of many lengths and scripts and a gzip file; with {@code structuredOnly} false also random bytes. */
    private static List<byte[]> messages(boolean structuredOnly) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String s : List.of("hidden!!", "The quick brown fox jumps over the lazy dog.",
                "Zeile eins\nZeile zwei: größer, schöner\n", "日本語のメッセージです。秘密の文章。",
                "x".repeat(3) + " a longer message with numbers 0123456789 " + "and more words ".repeat(30))) {
            out.add(s.getBytes(StandardCharsets.UTF_8));
        }
        out.add(LsbSearchTest.text(1500));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(LsbSearchTest.text(700));
        }
        out.add(gz.toByteArray());
        if (!structuredOnly) {
            byte[] random = new byte[333];
            new Random(7).nextBytes(random);
            out.add(random);
        }
        return out;
    }

    private Path nodeStego(String tool, DecodedImage cover, byte[] message, int n, String password) throws Exception {
        Path script = dir.resolve("make-node-stego.js");
        if (!Files.exists(script)) {
            try (InputStream in = getClass().getResourceAsStream("make-node-stego.js")) {
                Files.write(script, in.readAllBytes());
            }
        }
        Path in = write("cover" + n + ".png", SyntheticImages.encode(cover));
        Path data = write("message" + n, message);
        Path out = dir.resolve(tool + n + ".png");
        List<String> command = new ArrayList<>(List.of("node", script.toString(), tool, in.toString(),
                data.toString(), out.toString()));
        if (password != null) {
            command.add(password);
        }
        run(command.toArray(String[]::new));
        return out;
    }

    private static void assumeNodeTool(String module) throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node/npm not installed (bin/install-stego-tools): check skipped");
        String root = output("npm", "root", "-g").trim();
        assumeTrue(Files.isRegularFile(Path.of(root, module, "package.json"))
                        && Files.isRegularFile(Path.of(root, "pngjs", "package.json")),
                "npm " + module + " or pngjs not installed globally (bin/install-stego-tools): check skipped");
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    private static boolean onPath(String command) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, command))) {
                return true;
            }
        }
        return false;
    }

    private static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static void run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (command[0].equals("node")) {
            pb.environment().put("NODE_PATH", output("npm", "root", "-g").trim());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }

    private static String resource(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = ToolFormatsTest.class.getResourceAsStream(FIXTURES + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
