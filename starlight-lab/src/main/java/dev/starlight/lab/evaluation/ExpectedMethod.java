package dev.starlight.lab.evaluation;

import dev.starlight.core.protocol.Method;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ScanResult.method} a labelled stego image should get: the protocol label for protocol methods, and
 * for other embedders where their data sits (LSB of colour samples → {@code lsb.rgb}, of palette indices →
 * {@code palette}; appended files → {@code raw}; metadata comments → {@code exif}; steghide and outguess → their own
 * names, as the DCT classifier names them).
 * Empty for a technique this table does not know: its method accuracy is not reported.
 */
public final class ExpectedMethod {
    private static final Map<String, String> TOOLS = Map.of(
            "append-zip", "raw",
            "exiftool-comment", "exif",
            "exiftool-usercomment", "exif",
            "gifshuffle", "palette",
            "stepic", "lsb.rgb",
            "steghide", "steghide",
            "outguess", "outguess");

    private ExpectedMethod() {
    }

    public static Optional<String> of(String technique, String format) {
        if (technique == null) {
            return Optional.empty();
        }
        Optional<Method> protocol = Method.parse(technique);
        if (protocol.isPresent()) {
            return Optional.of(protocol.get().label());
        }
        if (technique.equals("lsb.replace") || technique.equals("lsb.match")) {
            return Optional.of("gif".equals(format) ? "palette" : "lsb.rgb");
        }
        return Optional.ofNullable(TOOLS.get(technique));
    }
}
