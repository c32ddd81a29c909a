package dev.starlight.trainer.report;

import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What a sender or a platform does to an image on its way: recompression, resizing, re-saving, cropping, noise.
 * Each takes a file's bytes and returns the new file's bytes, or null where it does not apply (an image too small to
 * crop). All are deterministic; the noise is seeded per image.
 *
 * <p>Only the JPEG transformations write JPEG; the others write PNG with Starlight's own writer, so that the
 * transformation is the only change to the samples. None of them keeps metadata or bytes after the image's end:
 * a decoder-and-encoder round trip drops them, as platforms do.
 */
public final class Transformations {
    /** Grey levels (8-bit scale) of the Gaussian noise. */
    public static final double NOISE_SIGMA = 2.0;
    /** Pixels cropped from each side. */
    public static final int CROP = 8;

    /** One transformation. */
    public interface Transformation {
        String name();

        String description();

        /** The transformed file, or null when the transformation does not apply to this image. */
        byte[] apply(byte[] file, long seed);
    }

    private record Simple(String name, String description, Op op) implements Transformation {
        @Override
        public byte[] apply(byte[] file, long seed) {
            return op.apply(file, seed);
        }
    }

    @FunctionalInterface
    private interface Op {
        byte[] apply(byte[] file, long seed);
    }

    /** The untouched file. */
    public static final Transformation BASELINE = new Simple("baseline", "the held-out file as it is", (f, s) -> f);

    /** Every transformation of the report, baseline first. */
    public static final List<Transformation> ALL = List.of(
            BASELINE,
            new Simple("jpeg-q90", "decode, re-encode as JPEG at quality 90 (alpha dropped)",
                    (f, s) -> jpeg(decode(f), 0.90f)),
            new Simple("jpeg-q75", "decode, re-encode as JPEG at quality 75 (alpha dropped)",
                    (f, s) -> jpeg(decode(f), 0.75f)),
            new Simple("resize-0.5", "bilinear resize to 50% of each side (java.awt AffineTransformOp), PNG",
                    (f, s) -> resize(decode(f), 0.5)),
            new Simple("resize-0.9", "bilinear resize to 90% of each side, PNG", (f, s) -> resize(decode(f), 0.9)),
            new Simple("png-resave", "decode, re-encode as PNG with the same samples (palette, alpha and bit depth "
                    + "kept; metadata and trailer dropped)", (f, s) -> png(decode(f))),
            new Simple("crop-8", "drop " + CROP + " px from each side (samples kept), PNG",
                    (f, s) -> crop(decode(f), CROP)),
            new Simple("noise-2", "add Gaussian noise of σ = 2 grey levels to the colour samples (seeded), PNG",
                    (f, s) -> noise(decode(f), NOISE_SIGMA, s)));

    private Transformations() {
    }

    private static DecodedImage decode(byte[] file) {
        return ImageCodecs.decode(file);
    }

    /** A new PNG of the image's samples as they are. */
    static byte[] png(DecodedImage image) {
        if (!pngDepth(image)) {
            return png(fromBuffered(buffered(image, true)));
        }
        DecodedImage plain = new DecodedImage(ImageFormat.PNG, image.width(), image.height(), image.bitDepth(),
                image.colorType(), image.planes(), image.palette(), image.indices(), false, List.of(), List.of(), 0,
                null);
        return ImageCodecs.writer(ImageFormat.PNG).encode(plain);
    }

    /** Whether PNG stores this layout at this depth (else the samples are scaled to 8 bits). */
    private static boolean pngDepth(DecodedImage image) {
        int d = image.bitDepth();
        if (image.isIndexed()) {
            return image.palette() != null && (d == 1 || d == 2 || d == 4 || d == 8);
        }
        boolean grey = image.colorType() == ColorType.GREY;
        return d == 8 || d == 16 || grey && (d == 1 || d == 2 || d == 4);
    }

    static byte[] crop(DecodedImage image, int margin) {
        int w = image.width() - 2 * margin;
        int h = image.height() - 2 * margin;
        if (w < 1 || h < 1) {
            return null;
        }
        int[][] planes = new int[image.planes().length][];
        for (int p = 0; p < planes.length; p++) {
            planes[p] = cropPlane(image.planes()[p], image.width(), margin, w, h);
        }
        int[] indices = image.indices() == null ? null : cropPlane(image.indices(), image.width(), margin, w, h);
        return png(new DecodedImage(ImageFormat.PNG, w, h, image.bitDepth(), image.colorType(), planes,
                image.palette(), indices, false, List.of(), List.of(), 0, null));
    }

    private static int[] cropPlane(int[] plane, int width, int margin, int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(plane, (y + margin) * width + margin, out, y * w, w);
        }
        return out;
    }

    /** Gaussian noise on the colour samples (alpha kept); indexed images become RGB(A). */
    static byte[] noise(DecodedImage image, double sigma8, long seed) {
        DecodedImage base = image.isIndexed() ? rgb(image) : image;
        SplittableRandom random = new SplittableRandom(seed);
        int max = base.maxSample();
        double sigma = sigma8 * max / 255.0;
        int colours = base.colourPlanes().length;
        int[][] planes = new int[base.planes().length][];
        for (int p = 0; p < planes.length; p++) {
            planes[p] = base.planes()[p].clone();
            if (p < colours) {
                for (int i = 0; i < planes[p].length; i++) {
                    long v = Math.round(planes[p][i] + sigma * gaussian(random));
                    planes[p][i] = (int) Math.max(0, Math.min(max, v));
                }
            }
        }
        return png(base.withSamples(planes, null));
    }

    /** Box–Muller: one standard normal draw (deterministic for a seeded generator, unlike nextGaussian's cache). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Bilinear resize of every channel (alpha included, not premultiplied) to {@code scale} of each side. */
    static byte[] resize(DecodedImage image, double scale) {
        BufferedImage src = buffered(image, true);
        int w = Math.max(1, (int) Math.round(image.width() * scale));
        int h = Math.max(1, (int) Math.round(image.height() * scale));
        BufferedImage dst = new BufferedImage(w, h, src.getType());
        AffineTransform t = AffineTransform.getScaleInstance(w / (double) image.width(), h / (double) image.height());
        new AffineTransformOp(t, AffineTransformOp.TYPE_BILINEAR).filter(src, dst);
        return png(fromBuffered(dst));
    }

    /** JPEG with the class path's ImageIO JPEG writer (TwelveMonkeys where present) at {@code quality}. */
    static byte[] jpeg(DecodedImage image, float quality) {
        BufferedImage img = buffered(image, false);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no ImageIO JPEG writer on the class path");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The palette expanded: RGB, or RGBA when the palette has transparency. */
    static DecodedImage rgb(DecodedImage image) {
        boolean alpha = image.alphaPlane() != null;
        int[][] planes = alpha ? new int[][] {image.planes()[0], image.planes()[1], image.planes()[2],
            image.planes()[3]} : new int[][] {image.planes()[0], image.planes()[1], image.planes()[2]};
        return new DecodedImage(ImageFormat.PNG, image.width(), image.height(), 8,
                alpha ? ColorType.RGBA : ColorType.RGB, planes, null, null, false, List.of(), List.of(), 0, null);
    }

    /** 8-bit grey, RGB or (with {@code keepAlpha}) ARGB; samples of other depths scaled to 0..255. */
    static BufferedImage buffered(DecodedImage image, boolean keepAlpha) {
        int w = image.width();
        int h = image.height();
        int[][] colour = image.colourPlanes();
        int[] alpha = keepAlpha ? image.alphaPlane() : null;
        int max = image.isIndexed() ? 255 : image.maxSample();
        boolean grey = colour.length == 1;
        int type = alpha != null ? BufferedImage.TYPE_4BYTE_ABGR
                : grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage img = new BufferedImage(w, h, type);
        WritableRaster raster = img.getRaster();
        int bands = raster.getNumBands();
        for (int b = 0; b < bands; b++) {
            int[] source = b < 3 ? colour[grey ? 0 : b] : alpha;
            raster.setSamples(0, 0, w, h, b, to8(source, max));
        }
        return img;
    }

    private static int[] to8(int[] samples, int max) {
        if (max == 255) {
            return samples;
        }
        int[] out = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (int) Math.round(samples[i] * 255.0 / max);
        }
        return out;
    }

    /** An 8-bit image of a raster made by {@link #buffered}: grey, RGB or RGBA. */
    static DecodedImage fromBuffered(BufferedImage img) {
        WritableRaster raster = img.getRaster();
        int w = img.getWidth();
        int h = img.getHeight();
        int bands = raster.getNumBands();
        int[][] planes = new int[bands][];
        for (int b = 0; b < bands; b++) {
            planes[b] = raster.getSamples(0, 0, w, h, b, (int[]) null);
        }
        ColorType type = switch (bands) {
            case 1 -> ColorType.GREY;
            case 3 -> ColorType.RGB;
            case 4 -> ColorType.RGBA;
            default -> throw new StarlightException(dev.starlight.codecs.ErrorCode.INTERNAL, bands + " bands");
        };
        return new DecodedImage(ImageFormat.PNG, w, h, 8, type, planes, null, null, false, List.of(), List.of(), 0,
                null);
    }
}
