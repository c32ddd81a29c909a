package dev.starlight.codecs.image;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import dev.starlight.codecs.ErrorCode;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * WebP: the RIFF structure is walked here ({@link WebpStructure}); pixels come from the TwelveMonkeys WebP
 * reader, which is handed a minimal container holding only the image chunk (and ALPH), so that it can neither
 * colour-convert through an ICC profile nor be confused by other chunks: lossless images give exactly the
 * stored ARGB values. Planes are RGBA when the file declares alpha (VP8L alpha_is_used, VP8X alpha flag or an
 * ALPH chunk), else RGB.
 *
 * <p>Animated files: all ANMF frames are listed in {@link DecodedImage#frames()} and frame 0 alone is decoded
 * (its own size, not composed onto the canvas), as for GIF. Metadata: ICCP (ICC), EXIF (EXIF, data from the
 * TIFF header: a leading {@code Exif\0\0} that some writers add is skipped), {@code XMP } (XMP), and any chunk
 * that is not part of the image as OTHER keyed by its fourCC.
 */
public final class WebpDecoder implements ImageDecoder {

    @Override
    public ImageFormat format() {
        return ImageFormat.WEBP;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        WebpStructure ws = WebpStructure.parse(data, limits);
        List<MetadataSegment> metadata = metadata(data, ws, limits);
        List<FrameInfo> frames = new ArrayList<>();
        WebpChunk image = ws.image;
        WebpChunk alph = ws.alph;
        boolean lossless = ws.lossless;
        boolean alpha = ws.alphaDeclared;
        int w = ws.width;
        int h = ws.height;
        if (ws.animated()) {
            for (WebpChunk f : ws.frames) {
                ByteReader r = new ByteReader(data, f.dataOffset(), f.dataOffset() + f.size());
                int x = r.u24le("ANMF x") * 2;
                int y = r.u24le("ANMF y") * 2;
                int fw = r.u24le("ANMF width") + 1;
                int fh = r.u24le("ANMF height") + 1;
                int duration = r.u24le("ANMF duration");
                frames.add(new FrameInfo(frames.size(), x, y, fw, fh, duration / 10, false, false));
            }
            WebpChunk f0 = ws.frames.get(0);
            List<WebpChunk> sub = WebpStructure.readChunks(data, f0.dataOffset() + 16, f0.dataOffset() + f0.size(),
                    "ANMF at offset " + f0.offset());
            image = null;
            alph = null;
            for (WebpChunk c : sub) {
                if (c.fourCC().equals("ALPH") && image == null && alph == null) {
                    alph = c;
                } else if ((c.fourCC().equals("VP8 ") || c.fourCC().equals("VP8L")) && image == null) {
                    image = c;
                }
            }
            if (image == null) {
                throw ImageDecodeException.malformed("WebP: first animation frame at offset " + f0.offset()
                        + " holds no VP8 or VP8L chunk");
            }
            lossless = image.fourCC().equals("VP8L");
            int[] dims = lossless ? WebpStructure.vp8lHeader(data, image) : WebpStructure.vp8Header(data, image);
            FrameInfo fi = frames.get(0);
            if (dims[0] != fi.width() || dims[1] != fi.height()) {
                throw ImageDecodeException.malformed("WebP: frame 0 bitstream is " + dims[0] + "x" + dims[1]
                        + " but ANMF declares " + fi.width() + "x" + fi.height());
            }
            WebpStructure.checkLimits(dims[0], dims[1], limits);
            if (lossless) {
                alph = null;
            }
            w = dims[0];
            h = dims[1];
            alpha = (ws.vp8xFlags & WebpStructure.FLAG_ALPHA) != 0 || alph != null || (lossless && dims[2] != 0);
        } else {
            frames.add(new FrameInfo(0, 0, 0, w, h, 0, false, false));
        }
        limits.checkExpansion("WebP", (long) w * h, 4, image.size() + (alph == null ? 0 : alph.size()));
        limits.checkHeap("WebP", (long) w * h);
        int[][] planes;
        if (lossless) {
            // our own VP8L decoder: exact, and several times faster than the ImageIO path
            Vp8lDecoder.Argb argb = Vp8lDecoder.decode(data, image.dataOffset(), image.size(), limits.maxPixels());
            if (argb.width() != w || argb.height() != h) {
                throw ImageDecodeException.malformed("WebP: VP8L stream is " + argb.width() + "x" + argb.height()
                        + ", header declares " + w + "x" + h);
            }
            planes = planes(argb.pixels(), alpha);
        } else {
            BufferedImage img = readPixels(standalone(data, image, alph, w, h));
            if (img.getWidth() != w || img.getHeight() != h) {
                throw ImageDecodeException.malformed("WebP: reader returned " + img.getWidth() + "x" + img.getHeight()
                        + ", header declares " + w + "x" + h);
            }
            planes = planes(img, alpha);
        }
        byte[] trailer = Arrays.copyOfRange(data, ws.riffEnd, data.length);
        return new DecodedImage(ImageFormat.WEBP, w, h, 8, alpha ? ColorType.RGBA : ColorType.RGB, planes, null, null,
                !lossless, metadata, frames, ws.riffEnd, trailer);
    }

    private static List<MetadataSegment> metadata(byte[] data, WebpStructure ws, ImageLimits limits) {
        List<MetadataSegment> out = new ArrayList<>();
        long total = 0;
        for (WebpChunk c : ws.chunks) {
            MetadataSegment.Kind kind;
            int skip = 0;
            switch (c.fourCC()) {
                case "VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF" -> {
                    continue;
                }
                case "ICCP" -> kind = MetadataSegment.Kind.ICC;
                case "EXIF" -> {
                    kind = MetadataSegment.Kind.EXIF;
                    if (JpegDecoder.startsWith(data, c.dataOffset(), c.dataOffset() + c.size(),
                            new byte[] {'E', 'x', 'i', 'f', 0, 0})) {
                        skip = 6;
                    }
                }
                case "XMP " -> kind = MetadataSegment.Kind.XMP;
                default -> kind = MetadataSegment.Kind.OTHER;
            }
            total += c.size();
            if (total > limits.maxMetadataBytes()) {
                throw new ImageDecodeException(ErrorCode.TOO_LARGE, "WebP: metadata chunks exceed "
                        + limits.maxMetadataBytes() + " bytes at the chunk at offset " + c.offset());
            }
            int from = c.dataOffset() + skip;
            out.add(new MetadataSegment(kind, WebpStructure.printable(c.fourCC()), from,
                    Arrays.copyOfRange(data, from, c.dataOffset() + c.size())));
        }
        return out;
    }

    /** A file holding only the image chunk (VP8X + ALPH + VP8 when there is an ALPH chunk). */
    static byte[] standalone(byte[] data, WebpChunk image, WebpChunk alph, int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.size() + (alph == null ? 0 : alph.size()) + 64);
        writeTag(out, "RIFF");
        writeLe(out, 0, 4);
        writeTag(out, "WEBP");
        if (alph != null) {
            writeTag(out, "VP8X");
            writeLe(out, 10, 4);
            out.write(WebpStructure.FLAG_ALPHA);
            writeLe(out, 0, 3);
            writeLe(out, w - 1, 3);
            writeLe(out, h - 1, 3);
            writeChunk(out, "ALPH", data, alph.dataOffset(), alph.size());
        }
        // zero bytes after a very short VP8L stream: TwelveMonkeys reads 8 bytes ahead and fails without them
        // (longer streams are left as they are, so that a cut-off bitstream is still reported)
        int pad = image.fourCC().equals("VP8L") && image.size() < 16 ? 8 : 0;
        writeTag(out, image.fourCC());
        writeLe(out, image.size() + pad, 4);
        out.write(data, image.dataOffset(), image.size());
        out.write(new byte[pad + ((image.size() + pad) & 1)], 0, pad + ((image.size() + pad) & 1));
        byte[] file = out.toByteArray();
        setLe(file, 4, file.length - 8);
        return file;
    }

    static void writeChunk(ByteArrayOutputStream out, String fourCC, byte[] src, int from, int size) {
        writeTag(out, fourCC);
        writeLe(out, size, 4);
        out.write(src, from, size);
        if ((size & 1) != 0) {
            out.write(0);
        }
    }

    static void writeTag(ByteArrayOutputStream out, String fourCC) {
        for (int i = 0; i < 4; i++) {
            out.write(fourCC.charAt(i));
        }
    }

    static void writeLe(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }

    static void setLe(byte[] b, int at, long value) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static BufferedImage readPixels(byte[] file) {
        return ImageIoPixels.read(new WebPImageReaderSpi(), file, file.length, "WebP");
    }

    private static int[][] planes(int[] argb, boolean alpha) {
        int[][] out = new int[alpha ? 4 : 3][argb.length];
        for (int i = 0; i < argb.length; i++) {
            int c = argb[i];
            out[0][i] = (c >>> 16) & 0xFF;
            out[1][i] = (c >>> 8) & 0xFF;
            out[2][i] = c & 0xFF;
            if (alpha) {
                out[3][i] = c >>> 24;
            }
        }
        return out;
    }

    /** R, G, B (and A) planes straight from the raster when it is plain sRGB, else through getRGB. */
    private static int[][] planes(BufferedImage img, boolean alpha) {
        int w = img.getWidth();
        int h = img.getHeight();
        int n = w * h;
        int[][] planes = new int[alpha ? 4 : 3][];
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        if (cm.getColorSpace().isCS_sRGB() && !cm.isAlphaPremultiplied() && raster.getNumBands() >= 3
                && raster.getNumBands() == cm.getNumComponents()) {
            for (int b = 0; b < 3; b++) {
                planes[b] = raster.getSamples(0, 0, w, h, b, new int[n]);
            }
            if (alpha) {
                if (cm.hasAlpha()) {
                    planes[3] = raster.getSamples(0, 0, w, h, 3, new int[n]);
                } else {
                    planes[3] = new int[n];
                    Arrays.fill(planes[3], 255);
                }
            }
            return planes;
        }
        for (int b = 0; b < planes.length; b++) {
            planes[b] = new int[n];
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int i = y * w + x;
                planes[0][i] = (argb >>> 16) & 0xFF;
                planes[1][i] = (argb >>> 8) & 0xFF;
                planes[2][i] = argb & 0xFF;
                if (alpha) {
                    planes[3][i] = argb >>> 24;
                }
            }
        }
        return planes;
    }
}
