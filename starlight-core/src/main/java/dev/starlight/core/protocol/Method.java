package dev.starlight.core.protocol;

import java.util.Arrays;
import java.util.Optional;

/** The five protocol methods. Class ids are fixed by the protocol: other tools' labels use them. */
public enum Method {
    ALPHA(0, "alpha", "pixel"),
    PALETTE(1, "palette", "pixel"),
    LSB_RGB(2, "lsb.rgb", "pixel"),
    EXIF(3, "exif", "metadata"),
    RAW(4, "raw", "eoi");

    private final int classId;
    private final String label;
    private final String category;

    Method(int classId, String label, String category) {
        this.classId = classId;
        this.label = label;
        this.category = category;
    }

    public int classId() {
        return classId;
    }

    /** The technique name used in sidecars and in {@code ScanResult.method}. */
    public String label() {
        return label;
    }

    /** The sidecar category: pixel, metadata or eoi. */
    public String category() {
        return category;
    }

    /** Accepts the label ({@code lsb.rgb}), the enum name ({@code LSB_RGB}) and the reference's aliases ({@code lsb}, {@code eoi}). */
    public static Optional<Method> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("lsb") || t.equals("lsb_rgb") || t.equals("rgb")) {
            return Optional.of(LSB_RGB);
        }
        if (t.equals("eoi") || t.equals("trailer")) {
            return Optional.of(RAW);
        }
        return Arrays.stream(values()).filter(m -> m.label.equals(t) || m.name().equalsIgnoreCase(t)).findFirst();
    }
}
