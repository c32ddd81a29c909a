package dev.starlight.lab.dataset;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.Palette;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Clean images that look like stego to a careless detector, made from a clean cover: what a detector must not flag.
 * <ul>
 *   <li>{@code resaved}: the cover rewritten by the writer every generated stego file goes through, no sample
 *       changed (lossless covers): the control for a detector that learned the writer instead of the payload;</li>
 *   <li>{@code downscaled}: half the size by 2×2 averaging (lossless true-colour covers of at least 128×128):
 *       smoother images with other noise, as resized uploads are;</li>
 *   <li>{@code noisy}: Gaussian noise of σ = 2 grey levels on the colour samples (lossless true-colour covers);</li>
 *   <li>{@code rgba-opaque}: the cover with an alpha plane that is 255 everywhere (lossless true-colour covers);</li>
 *   <li>{@code rgba-soft-alpha}: an alpha plane that varies smoothly, like a vignette or a feathered cut-out, with
 *       the small noise a real matte has (lossless true-colour covers);</li>
 *   <li>{@code grey-palette}: the cover's luminance as a GIF with a 256-level grey palette (the palette method's
 *       carrier kind, clean);</li>
 *   <li>{@code harmless-trailer}: the cover with two zero bytes after its end (padding, as some writers leave);</li>
 *   <li>{@code ordinary-exif}: the cover with camera EXIF (make, model, software, date), no comment (PNG, JPEG,
 *       WebP).</li>
 * </ul>
 */
public final class CleanVariants {

    private CleanVariants() {
    }

    /** The variants that apply to this cover, by kind; seeded where they draw noise. */
    public static Map<String, byte[]> of(byte[] cover, long seed) {
        DecodedImage image = ImageCodecs.decode(cover);
        Map<String, byte[]> out = new LinkedHashMap<>();
        boolean trueColour = !image.lossy() && !image.isIndexed() && image.colorType() == ColorType.RGB
                && image.bitDepth() == 8;
        if (!image.lossy()) {
            // the same writer that stores every generated stego file, with no sample changed: a detector that
            // learned the writer's fingerprint instead of the payload flags these
            out.put("resaved", ImageCodecs.writer(image.format()).replaceSamples(cover, image));
        }
        if (trueColour && image.width() >= 128 && image.height() >= 128) {
            out.put("downscaled", ImageCodecs.writer(image.format()).encode(halfSize(image)));
        }
        if (trueColour) {
            out.put("noisy", ImageCodecs.writer(image.format()).replaceSamples(cover, withNoise(image, seed)));
        }
        if (trueColour) {
            out.put("rgba-opaque", withAlpha(image, constant(image.pixelCount(), 255)));
            out.put("rgba-soft-alpha", withAlpha(image, softAlpha(image.width(), image.height(), seed)));
        }
        if (!image.isIndexed() && image.bitDepth() == 8) {
            out.put("grey-palette", greyPaletteGif(image));
        }
        byte[] padded = new byte[cover.length + 2];
        System.arraycopy(cover, 0, padded, 0, cover.length);
        out.put("harmless-trailer", padded);
        if (image.format() != ImageFormat.GIF && image.format() != ImageFormat.BMP) { // no EXIF in these containers
            out.put("ordinary-exif", ImageCodecs.writer(image.format()).replaceExif(cover, cameraExif()));
        }
        return out;
    }

    private static byte[] withAlpha(DecodedImage image, int[] alpha) {
        int[][] planes = {image.planes()[0], image.planes()[1], image.planes()[2], alpha};
        DecodedImage rgba = new DecodedImage(image.format(), image.width(), image.height(), 8, ColorType.RGBA, planes,
                null, null, false, image.metadata(), image.frames(), 0, new byte[0]);
        return ImageCodecs.writer(image.format()).encode(rgba);
    }

    /**
     * Gaussian noise of σ = {@value #NOISE_SIGMA} grey levels on every colour sample, rounded and clamped: what a
     * sensor, a denoiser's residue or a filter leaves. It changes many low bits at random, as LSB matching does, so
     * it is the clean image a pixel-domain detector most easily mistakes for stego.
     */
    private static DecodedImage withNoise(DecodedImage image, long seed) {
        java.util.Random random = new java.util.Random(seed ^ 0x5EEDL);
        int[][] planes = new int[image.planes().length][];
        for (int p = 0; p < planes.length; p++) {
            planes[p] = image.planes()[p].clone();
            if (p < 3) {
                for (int i = 0; i < planes[p].length; i++) {
                    int v = (int) Math.round(planes[p][i] + random.nextGaussian() * NOISE_SIGMA);
                    planes[p][i] = Math.max(0, Math.min(255, v));
                }
            }
        }
        return image.withSamples(planes, null);
    }

    static final double NOISE_SIGMA = 2.0;

    /** Half the width and height, each sample the rounded mean of a 2×2 block: smoother, differently noisy. */
    private static DecodedImage halfSize(DecodedImage image) {
        int w = image.width() / 2;
        int h = image.height() / 2;
        int[][] planes = new int[3][w * h];
        for (int p = 0; p < 3; p++) {
            int[] src = image.planes()[p];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = 2 * y * image.width() + 2 * x;
                    planes[p][y * w + x] = (src[i] + src[i + 1] + src[i + image.width()] + src[i + image.width() + 1]
                            + 2) / 4;
                }
            }
        }
        return new DecodedImage(image.format(), w, h, 8, ColorType.RGB, planes, null, null, false, List.of(),
                List.of(new dev.starlight.codecs.image.FrameInfo(0, 0, 0, w, h, 0, false, false)), 0, new byte[0]);
    }

    private static int[] constant(int n, int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** A radial fall-off from 255 in the middle to about 128 in the corners, plus ±1 noise. */
    private static int[] softAlpha(int w, int h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] a = new int[w * h];
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double max = Math.hypot(cx, cy);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot(x - cx, y - cy) / max;
                int v = (int) Math.round(255 - 127 * d * d) + random.nextInt(3) - 1;
                a[y * w + x] = Math.max(0, Math.min(255, v));
            }
        }
        return a;
    }

    private static byte[] greyPaletteGif(DecodedImage image) {
        int n = image.pixelCount();
        int[] indices = new int[n];
        int[][] c = image.colourPlanes();
        for (int i = 0; i < n; i++) {
            indices[i] = c.length == 1 ? c[0][i]
                    : (int) Math.round(0.299 * c[0][i] + 0.587 * c[1][i] + 0.114 * c[2][i]);
        }
        int[] rgb = new int[256];
        for (int g = 0; g < 256; g++) {
            rgb[g] = g << 16 | g << 8 | g;
        }
        Palette palette = new Palette(rgb, null);
        DecodedImage gif = new DecodedImage(ImageFormat.GIF, image.width(), image.height(), 8, ColorType.INDEXED,
                palette.expand(indices), palette, indices, false, java.util.List.of(),
                java.util.List.of(image.frames().get(0)), 0, new byte[0]);
        return ImageCodecs.writer(ImageFormat.GIF).encode(gif);
    }

    /** Big-endian TIFF with IFD0 tags Make, Model, Software, DateTime: what a camera or editor writes. */
    static byte[] cameraExif() {
        String[][] tags = {{"271", "Starlight Camera Co."}, {"272", "Model S-1"}, {"305", "Firmware 1.0.2"},
            {"306", "2026:11:24 10:30:00"}};
        int entries = tags.length;
        int valuesAt = 8 + 2 + entries * 12 + 4;
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        u16(out, entries);
        for (String[] tag : tags) {
            byte[] value = (tag[1] + "\0").getBytes(StandardCharsets.US_ASCII);
            u16(out, Integer.parseInt(tag[0]));
            u16(out, 2); // ASCII
            u32(out, value.length);
            u32(out, valuesAt + values.size());
            values.writeBytes(value);
            if (values.size() % 2 == 1) {
                values.write(0);
            }
        }
        u32(out, 0);
        out.writeBytes(values.toByteArray());
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        u16(out, v >>> 16);
        u16(out, v & 0xFFFF);
    }
}
