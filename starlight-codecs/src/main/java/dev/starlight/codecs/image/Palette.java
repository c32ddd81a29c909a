package dev.starlight.codecs.image;

import java.util.Arrays;

/**
 * A colour table. {@code rgb[i]} is {@code 0xRRGGBB}; {@code alpha} is null when no entry is transparent
 * (PNG tRNS, GIF transparent index), else one value 0..255 per entry.
 */
public record Palette(int[] rgb, int[] alpha) {

    public Palette {
        if (rgb == null || rgb.length == 0 || rgb.length > 256) {
            throw new IllegalArgumentException("palette must have 1..256 entries");
        }
        if (alpha != null && alpha.length != rgb.length) {
            throw new IllegalArgumentException("palette alpha must have one value per entry");
        }
    }

    public int size() {
        return rgb.length;
    }

    public int red(int index) {
        return (rgb[index] >>> 16) & 0xFF;
    }

    public int green(int index) {
        return (rgb[index] >>> 8) & 0xFF;
    }

    public int blue(int index) {
        return rgb[index] & 0xFF;
    }

    public int alpha(int index) {
        return alpha == null ? 255 : alpha[index];
    }

    /** True when every entry has red == green == blue. */
    public boolean isGreyscale() {
        for (int c : rgb) {
            int r = (c >>> 16) & 0xFF;
            if (r != ((c >>> 8) & 0xFF) || r != (c & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Palette colours per pixel: R, G, B planes, and A when the palette has transparency. An index past the
     * palette is MALFORMED.
     */
    public int[][] expand(int[] indices) {
        int planes = alpha != null ? 4 : 3;
        int[][] out = new int[planes][indices.length];
        int size = rgb.length;
        for (int i = 0; i < indices.length; i++) {
            int idx = indices[i];
            if (idx >= size) {
                throw ImageDecodeException.malformed("palette index " + idx + " at pixel " + i + " is past the "
                        + size + "-entry palette");
            }
            int c = rgb[idx];
            out[0][i] = (c >>> 16) & 0xFF;
            out[1][i] = (c >>> 8) & 0xFF;
            out[2][i] = c & 0xFF;
            if (planes == 4) {
                out[3][i] = alpha[idx];
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Palette p && Arrays.equals(rgb, p.rgb) && Arrays.equals(alpha, p.alpha);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rgb) + Arrays.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "Palette[" + rgb.length + " entries" + (alpha != null ? ", with alpha" : "") + "]";
    }
}
