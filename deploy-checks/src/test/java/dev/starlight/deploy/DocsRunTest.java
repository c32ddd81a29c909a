package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every fenced command block of README.md, docs/quickstart.md and docs/integration.md, read from the docs now, runs
 * as written against one real platform (the docs' own {@code bin/starlight up}, in the background), each within a
 * time limit, and shows what the doc says it shows; or its {@code <!-- docs-run: skip (why) -->} marker says why not.
 * The blocks run in a scratch folder holding the user's files the docs name ({@code image.png}, {@code photos/},
 * {@code cover.png}, {@code clean/}, {@code stego/}, {@code a.png}, {@code b.gif}) and a {@code bin/starlight} that
 * runs this checkout's; {@code /tmp/} and the documented ports are rewritten to the scratch folder and the
 * platform's ports. The log lists every block with what was done.
 */
class DocsRunTest {
    static final List<String> DOCS = List.of("README.md", "docs/quickstart.md", "docs/integration.md");
    static final Duration BLOCK_LIMIT = Duration.ofSeconds(120);
    static final Duration UP_LIMIT = Duration.ofSeconds(300);
    static final String PYTHON = "/usr/bin/python3";
    /** Install-doc-tools' exit status when a tool is missing and this user cannot install it. */
    static final int CANNOT_INSTALL = 3;

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    @Test
    void everyDocumentedCommandBlockRunsAndShowsWhatTheDocSays() throws Exception {
        installDocTools();
        List<String> unbuilt = DocPlatform.unbuiltJars(Repo.ROOT);
        assertThat(unbuilt).as("the docs-run test runs the jars the reactor built, after every module is packaged"
                + " (./mvnw -B verify, or ./mvnw -B -DskipTests install first); it never starts a build itself")
                .isEmpty();

        Path scratch = Repo.ROOT.resolve("deploy-checks/target/docs-run");
        deleteTree(scratch);
        Path work = Files.createDirectories(scratch.resolve("work"));
        writeUserFiles(work);

        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (DocPlatform platform = DocPlatform.onFreePorts()) {
            Map<String, String> rewrites = new LinkedHashMap<>(platform.portRewrites());
            rewrites.put("/tmp/", work.resolve("tmp") + "/");
            String upStartedBy = null;
            int n = 0;
            for (String doc : DOCS) {
                for (DocBlock block : DocBlock.read(Repo.ROOT, doc)) {
                    n++;
                    String code = rewrite(block.code(), rewrites);
                    switch (block.marker().kind()) {
                        case SKIP -> report.add(line(block, "skipped", block.marker().note()));
                        case BACKGROUND -> {
                            String command = firstCommand(code);
                            if (upStartedBy != null) {
                                report.add(line(block, "background", "already running (" + upStartedBy + ")"));
                                continue;
                            }
                            long t0 = System.nanoTime();
                            try {
                                platform.start(command, work, scratch.resolve("state"), block.marker().note(), UP_LIMIT);
                                upStartedBy = "started by " + block.where() + ": " + command;
                                report.add(line(block, "background", String.format("'%s' ready (\"%s\") in %.0f s",
                                        command, block.marker().note(), seconds(t0))));
                            } catch (IllegalStateException e) {
                                failures.add(block.where() + ": " + e.getMessage());
                                report.add(line(block, "FAILED", "did not come up"));
                            }
                        }
                        case RUN, OUTPUT -> {
                            long t0 = System.nanoTime();
                            String problem = run(block, code, rewrites, work, scratch.resolve("blocks/" + n));
                            String checked = checkedWhat(block);
                            if (problem == null) {
                                report.add(line(block, "ran", String.format("%.1f s, exit 0%s", seconds(t0), checked)));
                            } else {
                                failures.add(block.where() + ": " + problem);
                                report.add(line(block, "FAILED", problem.lines().findFirst().orElse("")));
                            }
                        }
                    }
                }
            }
            if (upStartedBy != null && !platform.running()) {
                failures.add("bin/starlight up stopped while the blocks ran:\n" + platform.output());
            }
        } finally {
            System.out.println("docs-run: every command block of " + String.join(", ", DOCS) + "\n  "
                    + String.join("\n  ", report));
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " documented block(s) did not do what the doc says:\n\n"
                    + String.join("\n\n", failures));
        }
    }

    /** Null when the block exited 0 within the limit and its output holds what the doc shows; else what went wrong. */
    private static String run(DocBlock block, String code, Map<String, String> rewrites, Path work, Path dir)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String shown = block.shownOutput() == null ? null : rewrite(block.shownOutput(), rewrites);
        List<String> command;
        switch (block.language()) {
            case "python" -> {
                Files.writeString(dir.resolve("block.py"), code);
                command = List.of(PYTHON, dir.resolve("block.py").toString());
            }
            case "console" -> {
                String commands = code.lines().filter(l -> l.startsWith("$ ")).map(l -> l.substring(2))
                        .collect(Collectors.joining("\n", "", "\n"));
                String printed = code.lines().filter(l -> !l.startsWith("$ ")).collect(Collectors.joining("\n"));
                if (shown == null && !printed.isBlank()) {
                    shown = printed;
                }
                Files.writeString(dir.resolve("block.sh"), commands);
                command = List.of("bash", "-e", dir.resolve("block.sh").toString());
            }
            default -> {
                Files.writeString(dir.resolve("block.sh"), code);
                command = List.of("bash", "-e", dir.resolve("block.sh").toString());
            }
        }
        Path log = dir.resolve("output.txt");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(BLOCK_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        if (output.contains("starlight: building")) {
            return "bin/starlight started a Maven build (a jar older than its sources?):\n" + output;
        }
        if (!done) {
            return "still running after " + BLOCK_LIMIT.toSeconds() + " s:\n" + code + "--- output:\n" + output;
        }
        if (p.exitValue() != 0) {
            return "exit " + p.exitValue() + ":\n" + code + "--- output:\n" + output;
        }
        for (String expected : block.marker().expected()) {
            String text = rewrite(expected, rewrites);
            if (!output.contains(text)) {
                return "output lacks \"" + text + "\":\n" + code + "--- output:\n" + output;
            }
        }
        if (shown != null) {
            String missing = firstShownLineMissing(shown, output);
            if (missing != null) {
                return "output lacks the doc's line \"" + missing + "\" (numbers may differ):\n" + code
                        + "--- output:\n" + output;
            }
        }
        return null;
    }

    /** The first line the doc shows that the output lacks, in order, any number matching any number; else null. */
    static String firstShownLineMissing(String shown, String output) {
        int from = 0;
        for (String line : shown.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String regex = Stream.of(line.split("\\s+"))
                    .map(word -> NUMBER.matcher(word).matches() ? NUMBER.pattern() : Pattern.quote(word))
                    .collect(Collectors.joining("\\s+"));
            Matcher m = Pattern.compile(regex).matcher(output);
            if (!m.find(from)) {
                return line;
            }
            from = m.end();
        }
        return null;
    }

    private static String checkedWhat(DocBlock block) {
        List<String> parts = new ArrayList<>();
        if (!block.marker().expected().isEmpty()) {
            parts.add("output holds " + block.marker().expected().stream().map(t -> "\"" + t + "\"")
                    .collect(Collectors.joining(" ")));
        }
        if (block.shownOutput() != null || block.language().equals("console")) {
            parts.add("output matches the doc's output block");
        }
        if (!block.marker().note().isEmpty()) {
            parts.add(block.marker().note());
        }
        return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
    }

    /** The kcat, Python, curl and jq the blocks use: installed by the project's script where missing. */
    private static void installDocTools() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Repo.ROOT.resolve("bin/install-doc-tools").toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        int status = p.waitFor();
        System.out.print(output);
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        if (status == CANNOT_INSTALL && !ci) {
            Assumptions.abort("docs-run: skipped, the doc tools are missing and cannot be installed by this user"
                    + " (in CI, where CI is set, this fails instead):\n" + output);
        }
        assertThat(status).as("bin/install-doc-tools:\n%s", output).isZero();
    }

    /** The files a reader of the docs has: a cover, stego images made from it by the CLI, a clean GIF. */
    private static void writeUserFiles(Path work) throws IOException, InterruptedException {
        Files.createDirectories(work.resolve("bin"));
        Files.createDirectories(work.resolve("tmp"));
        Path starlight = work.resolve("bin/starlight");
        Files.writeString(starlight, "#!/usr/bin/env bash\nexec '" + Repo.ROOT.resolve("bin/starlight") + "' \"$@\"\n");
        Files.setPosixFilePermissions(starlight, PosixFilePermissions.fromString("rwxr-xr-x"));

        BufferedImage cover = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        BufferedImage gif = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                cover.setRGB(x, y, 0xff000000 | (x << 16) | (y << 8) | ((x * y) & 255));
                if (x < 128 && y < 128) {
                    gif.setRGB(x, y, ((x * 2) << 16) | ((y * 2) << 8) | 96);
                }
            }
        }
        ImageIO.write(cover, "png", work.resolve("cover.png").toFile());
        ImageIO.write(gif, "gif", work.resolve("b.gif").toFile());
        Files.createDirectories(work.resolve("clean"));
        Files.copy(work.resolve("cover.png"), work.resolve("clean/cover.png"));
        Files.copy(work.resolve("b.gif"), work.resolve("clean/b.gif"));

        Process embed = new ProcessBuilder("bin/starlight", "embed", "--method", "alpha", "--message", "hello",
                "--out", "image.png", "cover.png").directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(embed.getInputStream().readAllBytes());
        assertThat(embed.waitFor()).as("making the stego fixture with bin/starlight embed:\n%s", output).isZero();
        for (String copy : List.of("a.png", "photos/a.png", "stego/a.png")) {
            Files.createDirectories(work.resolve(copy).getParent());
            Files.copy(work.resolve("image.png"), work.resolve(copy));
        }
    }

    private static String rewrite(String text, Map<String, String> rewrites) {
        String result = text;
        for (Map.Entry<String, String> r : rewrites.entrySet()) {
            result = result.replace(r.getKey(), r.getValue());
        }
        return result;
    }

    /** The one command of a background block, without its trailing comment. */
    private static String firstCommand(String code) {
        List<String> lines = code.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.size() != 1) {
            throw new IllegalStateException("a background block holds exactly one command, not:\n" + code);
        }
        int comment = lines.get(0).indexOf(" #");
        return (comment < 0 ? lines.get(0) : lines.get(0).substring(0, comment)).strip();
    }

    private static String line(DocBlock block, String what, String detail) {
        return String.format("%-26s %-7s %-10s %s", block.where(), block.language(), what, detail);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
