package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import java.util.Arrays;
import java.util.List;

/**
 * GIF with our own block walker and LZW decoder, so palette indices are exactly as stored. All frames are
 * listed; frame 0 is decoded, and the image's width and height are frame 0's (not the logical screen's), because
 * that is where the samples are. Indices past the palette are MALFORMED (browsers would show black; a scanner
 * should not guess). A stream that ends early leaves the remaining pixels 0, as browsers show them. A frame with no
 * colour table at all gets {@link #defaultPalette()} and a {@code default-palette} warning.
 */
public final class GifDecoder implements ImageDecoder {

    @Override
    public ImageFormat format() {
        return ImageFormat.GIF;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        GifStructure gif = GifStructure.walk(data, limits);
        GifStructure.Frame frame = gif.frames().get(0);
        FrameInfo info = frame.info();
        int w = info.width();
        int h = info.height();
        if (w == 0 || h == 0) {
            throw ImageDecodeException.malformed("GIF: frame 0 is " + w + "x" + h);
        }
        if ((long) w * h > limits.maxPixels() || w > limits.maxDimension() || h > limits.maxDimension()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "GIF: frame " + w + "x" + h + " exceeds the limits");
        }
        // each LZW code adds at most one pixel more than the longest string so far: 4096 codes of up to ~4096
        // pixels per clear, so a frame cannot hold more than about 2731 pixels per data byte (plus a first table)
        long reachable = 4096L + 2731L * frame.lzw().length;
        if ((long) w * h > reachable) {
            throw new ImageDecodeException(ErrorCode.DECOMPRESSION_BOMB, "GIF: frame " + w + "x" + h + " from "
                    + frame.lzw().length + " bytes of LZW data");
        }
        limits.checkHeap("GIF", (long) w * h);
        Palette base = frame.localPalette() != null ? frame.localPalette() : gif.globalPalette();
        List<DecodeWarning> warnings = List.of();
        if (base == null) {
            base = defaultPalette();
            warnings = List.of(new DecodeWarning(DecodeWarning.DEFAULT_PALETTE, "GIF: frame 0 has no colour table"
                    + " (neither global nor local); shown with the default 256-colour palette (the 6x6x6 cube"
                    + " and 40 greys, as ImageIO shows it)"));
        }
        Palette palette = base;
        if (frame.transparentIndex() >= 0 && frame.transparentIndex() < base.size()) {
            int[] alpha = new int[base.size()];
            Arrays.fill(alpha, 255);
            alpha[frame.transparentIndex()] = 0;
            palette = new Palette(base.rgb(), alpha);
        }
        int[] stored = new int[w * h];
        GifLzw.decode(frame.lzw(), frame.minCodeSize(), stored);
        int[] indices = info.interlaced() ? deinterlace(stored, w, h) : stored;
        byte[] trailer = Arrays.copyOfRange(data, gif.imageEnd(), data.length);
        List<FrameInfo> frames = gif.frames().stream().map(GifStructure.Frame::info).toList();
        return new DecodedImage(ImageFormat.GIF, w, h, 8, ColorType.INDEXED, palette.expand(indices), palette,
                indices, false, gif.metadata(), frames, gif.imageEnd(), trailer, warnings);
    }

    /**
     * The colours of a GIF that has no colour table, as the JDK's GIF reader shows it: the 216 web colours (red,
     * green, blue each 0, 0x33 .. 0xFF, blue fastest), then 40 greys from 0x12 in steps of 6.
     */
    static Palette defaultPalette() {
        int[] rgb = new int[256];
        for (int i = 0; i < 216; i++) {
            rgb[i] = (i / 36 * 0x33) << 16 | (i / 6 % 6 * 0x33) << 8 | i % 6 * 0x33;
        }
        for (int i = 0; i < 40; i++) {
            int g = 0x12 + 6 * i;
            rgb[216 + i] = g << 16 | g << 8 | g;
        }
        return new Palette(rgb, null);
    }

    /** Interlaced rows are stored in four passes: every 8th from 0, every 8th from 4, every 4th from 2, every 2nd from 1. */
    static int[] interlaceRowOrder(int h) {
        int[] order = new int[h];
        int k = 0;
        int[][] passes = {{0, 8}, {4, 8}, {2, 4}, {1, 2}};
        for (int[] p : passes) {
            for (int y = p[0]; y < h; y += p[1]) {
                order[k++] = y;
            }
        }
        return order;
    }

    private static int[] deinterlace(int[] stored, int w, int h) {
        int[] out = new int[stored.length];
        int[] order = interlaceRowOrder(h);
        for (int i = 0; i < h; i++) {
            System.arraycopy(stored, i * w, out, order[i] * w, w);
        }
        return out;
    }
}
