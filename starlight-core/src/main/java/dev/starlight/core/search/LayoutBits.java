package dev.starlight.core.search;

/** The bit stream of one {@link LsbLayout} over the chosen planes of an image, read without copying samples. */
final class LayoutBits {
    private final int[][] planes;
    private final int width;
    private final int height;
    private final int bits;
    private final boolean columnMajor;
    private final boolean msbFirst;
    private final long length;

    /** @param planes the planes in channel order, each {@code width * height} samples, row-major */
    LayoutBits(int[][] planes, int width, int height, LsbLayout layout) {
        this.planes = planes;
        this.width = width;
        this.height = height;
        this.bits = layout.bits();
        this.columnMajor = layout.columnMajor();
        this.msbFirst = layout.msbFirst();
        this.length = (long) width * height * planes.length * bits;
    }

    long length() {
        return length;
    }

    /** Stream bit {@code k} (0 or 1). */
    int bit(long k) {
        long sample = k / bits;
        int j = (int) (k % bits);
        int n = planes.length;
        long pixel = sample / n;
        int channel = (int) (sample % n);
        int index = columnMajor ? (int) (pixel % height) * width + (int) (pixel / height) : (int) pixel;
        int shift = msbFirst ? bits - 1 - j : j;
        return planes[channel][index] >> shift & 1;
    }

    /** The byte made of the 8 stream bits from bit {@code start}, packed in the layout's order. */
    int byteAt(long start) {
        int value = 0;
        if (msbFirst) {
            for (int b = 0; b < 8; b++) {
                value = value << 1 | bit(start + b);
            }
        } else {
            for (int b = 0; b < 8; b++) {
                value |= bit(start + b) << b;
            }
        }
        return value;
    }

    /** The stream as bytes. */
    CarrierBytes bytes() {
        return new CarrierBytes() {
            @Override
            int length() {
                return (int) Math.min(Integer.MAX_VALUE, length / 8);
            }

            @Override
            protected int compute(int i) {
                return byteAt(8L * i);
            }
        };
    }
}
