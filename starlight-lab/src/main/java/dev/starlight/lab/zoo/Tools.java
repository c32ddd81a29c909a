package dev.starlight.lab.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the real image tools the zoo is made with (ImageMagick, libjpeg-turbo, libwebp, gifsicle, exiftool) through
 * {@link ProcessBuilder}: bytes in on stdin, bytes out from stdout, the exit status checked. A missing tool is a
 * {@link ZooToolException.Code#TOOL_MISSING} naming the Debian package that has it.
 */
public final class Tools {
    /** The tools the zoo calls, each with the Debian package that installs it (bin/install-zoo-tools). */
    public static final Map<String, String> PACKAGES = Map.of(
            "convert", "imagemagick", "cjpeg", "libjpeg-turbo-progs", "djpeg", "libjpeg-turbo-progs",
            "jpegtran", "libjpeg-turbo-progs", "cwebp", "webp", "img2webp", "webp", "gifsicle", "gifsicle",
            "exiftool", "libimage-exiftool-perl");

    /** The ICC profile camera JPEGs carry (Debian's icc-profiles-free). */
    public static final Path SRGB_ICC = Path.of("/usr/share/color/icc/sRGB.icc");

    // the pipes of a running tool are pumped on their own threads (never the common pool, which a 2-core machine
    // sizes to one thread)
    private static final java.util.concurrent.ExecutorService IO = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "zoo-tool-io");
        t.setDaemon(true);
        return t;
    });

    private Tools() {
    }

    /** Fails with TOOL_MISSING, naming every missing tool and its package, unless all of them are on the PATH. */
    public static void requireAll() {
        StringBuilder missing = new StringBuilder();
        for (var tool : new java.util.TreeMap<>(PACKAGES).entrySet()) {
            if (find(tool.getKey()) == null) {
                missing.append(' ').append(tool.getKey()).append(" (").append(tool.getValue()).append(')');
            }
        }
        if (!Files.isRegularFile(SRGB_ICC)) {
            missing.append(' ').append(SRGB_ICC).append(" (icc-profiles-free)");
        }
        if (!missing.isEmpty()) {
            throw new ZooToolException(ZooToolException.Code.TOOL_MISSING,
                    "clean zoo: missing" + missing + "; run bin/install-zoo-tools as root");
        }
    }

    /** Runs {@code command}, feeding {@code stdin} (may be null), and returns its stdout; fails on a non-zero exit. */
    public static byte[] run(List<String> command, byte[] stdin) {
        if (find(command.get(0)) == null) {
            throw new ZooToolException(ZooToolException.Code.TOOL_MISSING, "clean zoo: " + command.get(0)
                    + " is not installed (package " + PACKAGES.getOrDefault(command.get(0), "?")
                    + "); run bin/install-zoo-tools as root");
        }
        try {
            Process p = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()), IO);
            CompletableFuture<Void> in = CompletableFuture.runAsync(() -> feed(p.getOutputStream(), stdin), IO);
            byte[] out = drain(p.getInputStream());
            int status = p.waitFor();
            in.join();
            byte[] errors = err.join();
            if (status != 0 || out.length == 0) {
                throw new ZooToolException(ZooToolException.Code.TOOL_FAILED, "clean zoo: " + String.join(" ", command)
                        + " exited with " + status + (out.length == 0 ? " and wrote nothing" : "") + ": "
                        + new String(errors, java.nio.charset.StandardCharsets.UTF_8).strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** Runs a tool that reads and writes files (paths in {@code command}); returns the bytes of {@code output}. */
    public static byte[] runOnFiles(List<String> command, Path output) {
        run(withEcho(command), null);
        try {
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new ZooToolException(ZooToolException.Code.TOOL_FAILED, "clean zoo: " + command.get(0)
                    + " wrote no " + output.getFileName());
        }
    }

    // a file-to-file tool prints nothing on success: run it through sh with an echo so "wrote nothing" means failure
    private static List<String> withEcho(List<String> command) {
        if (find(command.get(0)) == null) {
            return command; // run() reports it as missing
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("sh", "-c", "\"$0\" \"$@\" && echo ok"),
                command.stream()).toList();
    }

    static String find(String tool) {
        if (tool.equals("sh")) {
            return "/bin/sh";
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void feed(OutputStream out, byte[] bytes) {
        try (out) {
            if (bytes != null) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the tool stopped reading (it failed or needs no input): its exit status says which
        }
    }

}
