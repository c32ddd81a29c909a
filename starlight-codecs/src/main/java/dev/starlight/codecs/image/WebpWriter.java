package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.io.ByteArrayOutputStream;

/**
 * WebP writing. {@link #encode} and {@link #replaceSamples} use the lossless {@link Vp8lEncoder};
 * {@link #replaceSamples} swaps only the VP8L chunk (VP8X, ICCP, EXIF, XMP, unknown chunks and the trailer are
 * kept byte-for-byte) and fixes the RIFF size and the VP8X alpha flag. {@link #replaceExif} replaces the EXIF
 * chunk or adds one after the image data, turning a simple file into the extended format (VP8X) if needed.
 */
public final class WebpWriter implements ImageWriter {

    @Override
    public ImageFormat format() {
        return ImageFormat.WEBP;
    }

    @Override
    public byte[] replaceSamples(byte[] original, DecodedImage modified) {
        WebpStructure ws = WebpStructure.parse(original, ImageLimits.DEFAULT);
        if (ws.animated()) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE,
                    "animated WebP: samples of frame 0 cannot be replaced");
        }
        if (!ws.lossless) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE,
                    "lossy WebP (VP8): decoded samples cannot be stored back exactly");
        }
        if (modified.width() != ws.width || modified.height() != ws.height) {
            throw new StarlightException(ErrorCode.MALFORMED, "modified image is " + modified.width() + "x"
                    + modified.height() + ", the original " + ws.width + "x" + ws.height);
        }
        int[] argb = toArgb(modified);
        boolean alphaUsed = ws.alphaDeclared || anyTranslucent(argb);
        byte[] bitstream = Vp8lEncoder.encode(argb, ws.width, ws.height, alphaUsed);
        WebpChunk old = ws.image;
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + bitstream.length);
        out.write(original, 0, old.offset());
        WebpDecoder.writeChunk(out, "VP8L", bitstream, 0, bitstream.length);
        out.write(original, old.end(), ws.riffEnd - old.end());
        int riffEnd = out.size();
        out.write(original, ws.riffEnd, original.length - ws.riffEnd);
        byte[] file = out.toByteArray();
        WebpDecoder.setLe(file, 4, riffEnd - 8);
        if (ws.vp8x != null && alphaUsed) {
            file[ws.vp8x.dataOffset()] |= WebpStructure.FLAG_ALPHA;
        }
        return file;
    }

    @Override
    public byte[] replaceExif(byte[] original, byte[] tiff) {
        JpegWriter.checkTiff(tiff);
        if (tiff.length > 0x7FFF_0000) {
            throw new StarlightException(ErrorCode.CAPACITY_EXCEEDED, "EXIF block of " + tiff.length + " bytes");
        }
        WebpStructure ws = WebpStructure.parse(original, ImageLimits.DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + tiff.length + 32);
        int vp8xAt;
        if (ws.vp8x == null) {
            out.write(original, 0, 12);
            vp8xAt = out.size() + 8;
            WebpDecoder.writeTag(out, "VP8X");
            WebpDecoder.writeLe(out, 10, 4);
            out.write(ws.alphaDeclared ? WebpStructure.FLAG_ALPHA : 0);
            WebpDecoder.writeLe(out, 0, 3);
            WebpDecoder.writeLe(out, ws.width - 1, 3);
            WebpDecoder.writeLe(out, ws.height - 1, 3);
            out.write(original, 12, ws.image.end() - 12);
            padToEven(out);
            WebpDecoder.writeChunk(out, "EXIF", tiff, 0, tiff.length);
            out.write(original, ws.image.end(), ws.riffEnd - ws.image.end());
        } else {
            vp8xAt = ws.vp8x.dataOffset();
            WebpChunk exif = null;
            int lastImage = -1;
            for (WebpChunk c : ws.chunks) {
                if (c.fourCC().equals("EXIF") && exif == null) {
                    exif = c;
                }
                if (c.fourCC().equals("VP8 ") || c.fourCC().equals("VP8L") || c.fourCC().equals("ANMF")
                        || c.fourCC().equals("ALPH")) {
                    lastImage = c.end();
                }
            }
            int cutFrom = exif != null ? exif.offset() : lastImage;
            int cutTo = exif != null ? exif.end() : lastImage;
            out.write(original, 0, cutFrom);
            padToEven(out);
            WebpDecoder.writeChunk(out, "EXIF", tiff, 0, tiff.length);
            out.write(original, cutTo, ws.riffEnd - cutTo);
        }
        int riffEnd = out.size();
        out.write(original, ws.riffEnd, original.length - ws.riffEnd);
        byte[] file = out.toByteArray();
        WebpDecoder.setLe(file, 4, riffEnd - 8);
        file[vp8xAt] |= WebpStructure.FLAG_EXIF;
        return file;
    }

    @Override
    public byte[] encode(DecodedImage image) {
        int[] argb = toArgb(image);
        byte[] bitstream = Vp8lEncoder.encode(argb, image.width(), image.height(), anyTranslucent(argb));
        ByteArrayOutputStream out = new ByteArrayOutputStream(bitstream.length + 21);
        WebpDecoder.writeTag(out, "RIFF");
        WebpDecoder.writeLe(out, 0, 4);
        WebpDecoder.writeTag(out, "WEBP");
        WebpDecoder.writeChunk(out, "VP8L", bitstream, 0, bitstream.length);
        byte[] file = out.toByteArray();
        WebpDecoder.setLe(file, 4, file.length - 8);
        return file;
    }

    /** Chunks start at even offsets: adds the padding byte a last odd-sized chunk may lack. */
    private static void padToEven(ByteArrayOutputStream out) {
        if ((out.size() & 1) != 0) {
            out.write(0);
        }
    }

    private static boolean anyTranslucent(int[] argb) {
        for (int p : argb) {
            if ((p >>> 24) != 0xFF) {
                return true;
            }
        }
        return false;
    }

    /** 0xAARRGGBB per pixel; samples above 8 bits are scaled down, grey is spread to R, G and B. */
    static int[] toArgb(DecodedImage image) {
        int n = image.pixelCount();
        int[][] colour = image.colourPlanes();
        int[] alpha = image.alphaPlane();
        int max = image.isIndexed() ? 255 : image.maxSample();
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            int r = scale(colour[0][i], max);
            int g = colour.length == 1 ? r : scale(colour[1][i], max);
            int b = colour.length == 1 ? r : scale(colour[2][i], max);
            int a = alpha == null ? 255 : scale(alpha[i], max);
            argb[i] = (a << 24) | (r << 16) | (g << 8) | b;
        }
        return argb;
    }

    private static int scale(int v, int max) {
        return max == 255 ? v & 0xFF : (int) Math.round(v * 255.0 / max);
    }
}
