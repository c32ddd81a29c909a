package dev.starlight.monitor.canary;

import java.util.Optional;

/**
 * Canary request ids: {@code canary-<label>-<run>-<n>}, label {@code clean} or {@code stego}. The label travels in
 * the id, so a result says what its image was even after a restart of the monitor.
 */
public final class CanaryKey {
    public static final String PREFIX = "canary-";
    public static final String HEADER = "starlight-canary";

    private CanaryKey() {
    }

    public static String of(Label label, String run, long n) {
        return PREFIX + label.text() + "-" + run + "-" + n;
    }

    public static boolean isCanary(String requestId) {
        return requestId != null && requestId.startsWith(PREFIX);
    }

    public static Optional<Label> label(String requestId) {
        if (!isCanary(requestId)) {
            return Optional.empty();
        }
        String rest = requestId.substring(PREFIX.length());
        for (Label l : Label.values()) {
            if (rest.startsWith(l.text() + "-")) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    public enum Label {
        CLEAN("clean"), STEGO("stego");

        private final String text;

        Label(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
