package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.io.ByteArrayOutputStream;

/**
 * Writes GIF89a with our own LZW encoder. {@link #replaceSamples} re-encodes only frame 0's image data and
 * copies every other byte (palettes, extensions, other frames, trailer) unchanged.
 */
public final class GifWriter implements ImageWriter {

    @Override
    public ImageFormat format() {
        return ImageFormat.GIF;
    }

    @Override
    public byte[] encode(DecodedImage image) {
        if (!image.isIndexed()) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "GIF: only indexed images can be written");
        }
        Palette p = image.palette();
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(p.size() - 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        u16(out, image.width());
        u16(out, image.height());
        out.write(0x80 | ((bits - 1) << 4) | (bits - 1));
        out.write(0);
        out.write(0);
        for (int i = 0; i < (1 << bits); i++) {
            int c = i < p.size() ? p.rgb()[i] : 0;
            out.write(c >>> 16);
            out.write(c >>> 8);
            out.write(c);
        }
        int transparent = -1;
        if (p.alpha() != null) {
            for (int i = 0; i < p.size() && transparent < 0; i++) {
                if (p.alpha(i) == 0) {
                    transparent = i;
                }
            }
        }
        if (transparent >= 0) {
            out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 1, 0, 0, (byte) transparent, 0});
        }
        out.write(0x2C);
        u16(out, 0);
        u16(out, 0);
        u16(out, image.width());
        u16(out, image.height());
        out.write(0);
        writeImageData(out, image.indices(), Math.max(2, bits));
        out.write(0x3B);
        return out.toByteArray();
    }

    @Override
    public byte[] replaceSamples(byte[] original, DecodedImage modified) {
        GifStructure gif = GifStructure.walk(original, ImageLimits.DEFAULT);
        GifStructure.Frame frame = gif.frames().get(0);
        if (frame.info().width() != modified.width() || frame.info().height() != modified.height()
                || modified.indices() == null) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "GIF: modified indices do not fit frame 0");
        }
        int[] stored = frame.info().interlaced() ? interlace(modified.indices(), modified.width(), modified.height())
                : modified.indices();
        int max = 0;
        for (int v : stored) {
            max = Math.max(max, v);
        }
        int needed = Math.max(2, 32 - Integer.numberOfLeadingZeros(max));
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 1024);
        out.write(original, 0, frame.dataStart());
        writeImageData(out, stored, Math.max(frame.minCodeSize(), needed));
        out.write(original, frame.dataEnd(), original.length - frame.dataEnd());
        return out.toByteArray();
    }

    @Override
    public byte[] replaceExif(byte[] original, byte[] tiff) {
        throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "GIF has no EXIF block");
    }

    private static int[] interlace(int[] natural, int w, int h) {
        int[] out = new int[natural.length];
        int[] order = GifDecoder.interlaceRowOrder(h);
        for (int i = 0; i < h; i++) {
            System.arraycopy(natural, order[i] * w, out, i * w, w);
        }
        return out;
    }

    /** Minimum code size byte, LZW data in sub-blocks of at most 255 bytes, block terminator. */
    private static void writeImageData(ByteArrayOutputStream out, int[] indices, int minCodeSize) {
        out.write(minCodeSize);
        byte[] lzw = GifLzw.encode(indices, minCodeSize);
        for (int i = 0; i < lzw.length; i += 255) {
            int n = Math.min(255, lzw.length - i);
            out.write(n);
            out.write(lzw, i, n);
        }
        out.write(0);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
    }
}
