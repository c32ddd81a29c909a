package dev.starlight.trainer.data;

/**
 * One training tile: a row of every input stream, and its labels.
 *
 * @param streams  one row per stream, in the network's stream order (shared arrays: read-only)
 * @param stego    1 when the tile carries hidden data, else 0
 * @param method   index into the method labels, or -1 for clean tiles
 * @param bitOrder index into the bit orders, or -1 where the technique has none
 * @param group    the image's evaluation group ({@code clean}, a clean-variant kind, or a stego group)
 */
public record TileSample(float[][] streams, int stego, int method, int bitOrder, String group) {

    /** The triplet loss's class: 0 for clean, 1 + method otherwise. */
    public int tripletClass() {
        return stego == 0 ? 0 : 1 + method;
    }
}
