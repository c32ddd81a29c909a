package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Which planes of an image the LSB statistics look at: the colour planes of lossless images (red, green, blue or
 * grey), alpha where it varies, and the palette indices of indexed images. Lossy images give none: the decoder's
 * pixels are not the stored values, so their LSBs carry no embedding (JPEG is analysed in the DCT domain).
 */
public final class AnalysisPlanes {
    private static final String[] RGB = {"red", "green", "blue"};

    private AnalysisPlanes() {
    }

    /** Why {@link #of} gives nothing for this image, or null when it gives planes. */
    public static String whyNone(DecodedImage image) {
        if (image.lossy()) {
            return "lossy " + image.format().label() + ": decoded pixels are not the stored samples";
        }
        if (image.bitDepth() != 8) {
            return image.bitDepth() + "-bit samples (statistics need 8-bit samples)";
        }
        return null;
    }

    public static List<AnalysisPlane> of(DecodedImage image) {
        if (whyNone(image) != null) {
            return List.of();
        }
        int w = image.width();
        int h = image.height();
        List<AnalysisPlane> planes = new ArrayList<>(4);
        if (image.isIndexed()) {
            planes.add(new AnalysisPlane("index", image.indices(), w, h, Math.max(1, image.palette().size() - 1)));
            return planes;
        }
        int[][] colour = image.colourPlanes();
        if (colour.length == 1) {
            planes.add(new AnalysisPlane("grey", colour[0], w, h, image.maxSample()));
        } else {
            for (int c = 0; c < 3; c++) {
                planes.add(new AnalysisPlane(RGB[c], colour[c], w, h, image.maxSample()));
            }
        }
        int[] alpha = image.alphaPlane();
        if (alpha != null && varies(alpha)) {
            planes.add(new AnalysisPlane("alpha", alpha, w, h, image.maxSample()));
        }
        return planes;
    }

    /** True when the plane holds more than one value. */
    public static boolean varies(int[] samples) {
        for (int i = 1; i < samples.length; i++) {
            if (samples[i] != samples[0]) {
                return true;
            }
        }
        return false;
    }
}
