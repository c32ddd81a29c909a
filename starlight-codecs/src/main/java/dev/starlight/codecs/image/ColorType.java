package dev.starlight.codecs.image;

/** How the stored samples are organised. The channel planes of a {@link DecodedImage} follow this order. */
public enum ColorType {
    /** One plane: grey. */
    GREY(1, false),
    /** Two planes: grey, alpha. */
    GREY_ALPHA(2, true),
    /** Three planes: red, green, blue. */
    RGB(3, false),
    /** Four planes: red, green, blue, alpha. */
    RGBA(4, true),
    /**
     * Palette indices are the stored samples ({@link DecodedImage#indices()}); the planes hold the palette
     * expanded to red, green, blue, and alpha when the palette has transparency.
     */
    INDEXED(3, false);

    private final int planes;
    private final boolean alpha;

    ColorType(int planes, boolean alpha) {
        this.planes = planes;
        this.alpha = alpha;
    }

    /** Number of colour planes, without the alpha an indexed palette may add. */
    public int planes() {
        return planes;
    }

    public boolean hasAlpha() {
        return alpha;
    }
}
