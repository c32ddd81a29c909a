package dev.starlight.detector.auth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses an API keys file: one {@code name:sha256hex} per line; blank lines and text after {@code #} are ignored.
 * Errors name the line number only, never its content, since a mistaken line may hold a key in the clear.
 */
public final class KeysFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

    private KeysFile() {
    }

    /** The keys of {@code lines}; throws {@link IllegalArgumentException} on the first bad line. */
    public static List<NamedKey> parse(List<String> lines) {
        List<NamedKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            line = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).trim();
            String digest = colon < 0 ? "" : line.substring(colon + 1).trim();
            if (!NAME.matcher(name).matches() || !DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not name:sha256hex (a name of letters, "
                        + "digits, '.', '_' or '-', then 64 hex digits)");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("line " + (i + 1) + " repeats the key name " + name);
            }
            keys.add(new NamedKey(name, HexFormat.of().parseHex(digest.toLowerCase())));
        }
        return keys;
    }
}
