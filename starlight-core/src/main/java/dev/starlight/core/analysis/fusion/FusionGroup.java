package dev.starlight.core.analysis.fusion;

import java.util.Locale;
import java.util.Map;

/**
 * Images whose evidence means different things get separate fusion models: true-colour lossless images (LSB
 * statistics on colour planes), grey ones (the same statistics on one plane), indexed images (statistics on palette
 * indices and palette structure) and lossy images (DCT statistics and container evidence only).
 *
 * <p>Grey images are fitted apart because {@code lsb@colour} is the smallest of the estimates that took part
 * ({@link FusionFeatures}): three on one plane have a heavier clean tail than nine on three planes (on the clean
 * zoo's validation split, 0.43 on one grey image against 0.28 at the 0.5% point of the worst true-colour family).
 * A colour image whose other planes are too saturated for the estimators counts as grey.
 */
public enum FusionGroup {
    TRUECOLOUR, GREY, INDEXED, LOSSY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The group of an image from its format, its features (which say which planes were analysed) and how many colour
     * planes its {@code lsb@colour} agreement spans ({@link FusionFeatures#input}).
     */
    static FusionGroup of(String format, Map<String, Double> features, int colourAgreementPlanes) {
        FusionGroup group = of(format, features);
        return group == TRUECOLOUR && colourAgreementPlanes == 1 ? GREY : group;
    }

    /** The group of an image from its format and its features, true-colour and grey alike. */
    static FusionGroup of(String format, Map<String, Double> features) {
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
