package dev.starlight.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the {@code <!-- docs-run: ... -->} comment right before a fenced block tells the docs-run test:
 * {@code run} (the default), {@code expect "A" "B"} (run; each text must appear in its output),
 * {@code skip (why)}, {@code background until "TEXT"} (start it, go on once TEXT appeared, stop it at the end), or
 * {@code output ...} (the fence shows the output of the command block above; numbers may differ).
 */
record DocMarker(Kind kind, String note, List<String> expected) {

    enum Kind { RUN, SKIP, BACKGROUND, OUTPUT }

    static final DocMarker DEFAULT = new DocMarker(Kind.RUN, "", List.of());

    private static final Pattern COMMENT = Pattern.compile("^\\s*<!--\\s*docs-run:\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** The marker of {@code line}, or null when the line is not a docs-run comment. */
    static DocMarker parse(String line) {
        Matcher m = COMMENT.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String body = m.group(1);
        String word = body.split("\\s+", 2)[0];
        String rest = body.substring(word.length()).trim();
        return switch (word) {
            case "run" -> new DocMarker(Kind.RUN, rest, List.of());
            case "expect" -> {
                List<String> texts = quoted(rest);
                if (texts.isEmpty()) {
                    throw new IllegalArgumentException("docs-run: expect needs at least one \"text\": " + line);
                }
                yield new DocMarker(Kind.RUN, "", texts);
            }
            case "skip" -> {
                if (!rest.matches("\\(.+\\)")) {
                    throw new IllegalArgumentException("docs-run: skip needs a reason in parentheses: " + line);
                }
                yield new DocMarker(Kind.SKIP, rest.substring(1, rest.length() - 1), List.of());
            }
            case "background" -> {
                List<String> texts = quoted(rest);
                if (!rest.startsWith("until") || texts.size() != 1) {
                    throw new IllegalArgumentException("docs-run: background needs until \"ready text\": " + line);
                }
                yield new DocMarker(Kind.BACKGROUND, texts.get(0), List.of());
            }
            case "output" -> new DocMarker(Kind.OUTPUT, rest, List.of());
            default -> throw new IllegalArgumentException("docs-run: unknown marker '" + word + "': " + line);
        };
    }

    private static List<String> quoted(String text) {
        List<String> texts = new ArrayList<>();
        Matcher q = QUOTED.matcher(text);
        while (q.find()) {
            texts.add(q.group(1));
        }
        return texts;
    }
}
