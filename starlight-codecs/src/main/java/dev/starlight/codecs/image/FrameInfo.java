package dev.starlight.codecs.image;

/** One frame of a multi-frame container (GIF). Only frame 0 is decoded into samples. */
public record FrameInfo(int index, int left, int top, int width, int height, int delayCentiseconds, boolean interlaced,
                        boolean localPalette) {
}
