package dev.starlight.lab.zoo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One exiftool process kept open ({@code -stay_open True -@ -}) for many writes: Perl starts once instead of once
 * per image. Each {@link #write} sends one command's arguments and waits for exiftool's {@code {ready}}; a command
 * that did not update its file (exiftool printed no "1 image files updated") is a TOOL_FAILED.
 */
final class ExifToolSession implements AutoCloseable {
    private final Process process;
    private final Writer commands;
    private final BufferedReader replies;
    private final StringBuffer errors = new StringBuffer();

    ExifToolSession() {
        if (Tools.find("exiftool") == null) {
            throw new ZooToolException(ZooToolException.Code.TOOL_MISSING,
                    "clean zoo: exiftool is not installed (package libimage-exiftool-perl); run bin/install-zoo-tools as root");
        }
        try {
            process = new ProcessBuilder("exiftool", "-stay_open", "True", "-@", "-").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread err = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    errors.append(line).append('\n');
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "exiftool-stderr");
        err.setDaemon(true);
        err.start();
    }

    /**
     * Writes tags into {@code file} in place. Each argument is one exiftool argument ({@code -Make=Canon},
     * {@code -ThumbnailImage<=thumb.jpg}); exiftool reads one argument a line, so a multi-line argument is sent as
     * exiftool's {@code #[CSTR]} line with C escapes.
     */
    synchronized void write(Path file, List<String> arguments) {
        List<String> lines = new ArrayList<>(List.of("-overwrite_original", "-m", "-charset", "UTF8",
                "-charset", "exif=UTF8"));
        lines.addAll(arguments);
        lines.add(file.toString());
        lines.add("-execute");
        StringBuilder reply = new StringBuilder();
        try {
            for (String line : lines) {
                commands.write(line.indexOf('\n') >= 0 ? cString(line) : line);
                commands.write('\n');
            }
            commands.flush();
            for (String line; (line = replies.readLine()) != null; ) {
                if (line.startsWith("{ready")) {
                    break;
                }
                reply.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new ZooToolException(ZooToolException.Code.TOOL_FAILED, "clean zoo: exiftool stopped: " + e.getMessage()
                    + " " + errors);
        }
        if (!reply.toString().contains("1 image files updated")) {
            throw new ZooToolException(ZooToolException.Code.TOOL_FAILED, "clean zoo: exiftool did not update " + file
                    + ": " + reply.toString().strip() + " " + errors.toString().strip());
        }
        errors.setLength(0);
    }

    private static String cString(String line) {
        return "#[CSTR]" + line.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\t", "\\t").replace("\r", "\\r");
    }

    @Override
    public void close() {
        try {
            commands.write("-stay_open\nFalse\n");
            commands.flush();
            commands.close();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroy();
        }
    }
}
