package dev.starlight.core.analysis.fusion;

import java.util.Locale;
import java.util.Map;

/**
 * Images whose evidence means different things get separate fusion models: true-colour lossless images (LSB
 * statistics on colour planes), indexed images (statistics on palette indices and palette structure) and lossy
 * images (DCT statistics and container evidence only).
 */
public enum FusionGroup {
    TRUECOLOUR, INDEXED, LOSSY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The group of an image from its format and its features (which say which planes were analysed). */
    public static FusionGroup of(String format, Map<String, Double> features) {
        boolean colour = false;
        for (String name : features.keySet()) {
            if (name.endsWith("@index")) {
                return INDEXED;
            }
            colour |= name.endsWith("@colour");
        }
        if ("gif".equals(format)) {
            return INDEXED;
        }
        return colour ? TRUECOLOUR : "jpeg".equals(format) || "webp".equals(format) ? LOSSY : TRUECOLOUR;
    }
}
