package dev.starlight.core.analysis;

/** Where in the image a per-plane statistic looked, which is also the method it points to. */
public enum PlaneGroup {
    COLOUR("colour", "lsb.rgb"),
    ALPHA("alpha", "alpha"),
    INDEX("index", "palette");

    private final String label;
    private final String method;

    PlaneGroup(String label, String method) {
        this.label = label;
        this.method = method;
    }

    public String label() {
        return label;
    }

    /** The {@code ScanResult.method} a finding in this group points to. */
    public String method() {
        return method;
    }

    /** The group of an {@link AnalysisPlane} name, or null for a name that is not a plane. */
    public static PlaneGroup of(String plane) {
        return switch (plane) {
            case "red", "green", "blue", "grey" -> COLOUR;
            case "alpha" -> ALPHA;
            case "index" -> INDEX;
            default -> null;
        };
    }
}
