package dev.starlight.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A fenced command block of a doc ({@code sh}, {@code bash}, {@code shell}, {@code console}, {@code python}), its
 * docs-run marker, and the output the doc shows for it (a following fence marked {@code output}), if any.
 */
record DocBlock(String file, int line, String language, String code, DocMarker marker, String shownOutput) {

    static final Set<String> COMMAND_LANGUAGES = Set.of("sh", "bash", "shell", "console", "python");

    String where() {
        return file + ":" + line;
    }

    DocBlock withShownOutput(String output) {
        return new DocBlock(file, line, language, code, marker, output);
    }

    /** The command blocks of {@code doc} (relative to the repository root), read now, in order. */
    static List<DocBlock> read(Path root, String doc) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DocBlock> blocks = new ArrayList<>();
        DocMarker pending = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (!trimmed.startsWith("```")) {
                if (!trimmed.isEmpty()) {
                    pending = DocMarker.parse(line);
                }
                continue;
            }
            String language = trimmed.substring(3).strip();
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            String code = String.join("\n", lines.subList(start, end)) + "\n";
            DocMarker marker = pending == null ? DocMarker.DEFAULT : pending;
            if (marker.kind() == DocMarker.Kind.OUTPUT) {
                if (blocks.isEmpty()) {
                    throw new IllegalStateException(doc + ":" + (i + 1) + ": an output block with no command block above it");
                }
                blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1).withShownOutput(code));
            } else if (COMMAND_LANGUAGES.contains(language)) {
                blocks.add(new DocBlock(doc, i + 1, language, code, marker, null));
            } else if (pending != null) {
                throw new IllegalStateException(doc + ":" + (i + 1) + ": a docs-run marker on a ```" + language + " block");
            }
            pending = null;
            i = end;
        }
        return blocks;
    }
}
