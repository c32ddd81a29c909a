package dev.starlight.lab.dataset;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.FrameInfo;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.codecs.image.Palette;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Label-preserving changes of a decoded image that hide nothing and remove nothing hidden, applied alike to clean
 * and stego training images (and to a stego image's cover, so the changed tiles can still be found): so that only
 * the embedding separates the classes, never "has metadata", "has an alpha plane", "the palette is in this order"
 * or "the image is large".
 * <ul>
 *   <li>{@link #benign}: camera EXIF, an XMP packet with editing history, an ICC profile, a text chunk with an
 *       image generator's prompt and a comment; and an alpha plane that is 255 everywhere on 8-bit RGB images;</li>
 *   <li>{@link #pairPermutation}: the palette reordered by moving index pairs (2k, 2k+1) and swapping the two
 *       entries of some pairs, indices remapped so every pixel keeps its colour. An index-LSB embedding stays an
 *       index-LSB embedding (each pair stays a pair), so the label holds;</li>
 *   <li>{@link #crop}: a window of the image, for images that fit in one model tile.</li>
 * </ul>
 */
public final class BenignChanges {
    private static final byte[] EXIF = "MM\0*\0\0\0\bCanon EOS R6\0ExposureTime 1/250 FNumber 4 ISO 400 GPS 48.85N"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP = ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description "
            + "xmp:CreatorTool=\"Adobe Photoshop Lightroom Classic 13.2\"><xmpMM:History><rdf:Seq><rdf:li "
            + "stEvt:action=\"saved\" stEvt:softwareAgent=\"Adobe Photoshop 25.0\"/></rdf:Seq></xmpMM:History>"
            + "</rdf:Description></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8);
    private static final byte[] ICC = "\0\0\2\fappl\2\20\0\0mntrRGB XYZ \7\334\0\1acspAPPL sRGB IEC61966-2.1"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PROMPT = ("parameters\0a lighthouse on a cliff at sunset, oil painting\nNegative "
            + "prompt: blurry\nSteps: 30, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234567")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMENT = "Comment\0Created with GIMP".getBytes(StandardCharsets.UTF_8);

    private BenignChanges() {
    }

    /** The image with benign metadata added and, for 8-bit RGB without alpha, an opaque alpha plane. */
    public static DecodedImage benign(DecodedImage image) {
        List<MetadataSegment> metadata = new ArrayList<>(image.metadata());
        metadata.add(new MetadataSegment(MetadataSegment.Kind.EXIF, "eXIf", 0, EXIF));
        metadata.add(new MetadataSegment(MetadataSegment.Kind.XMP, "iTXt:XML:com.adobe.xmp", 0, XMP));
        metadata.add(new MetadataSegment(MetadataSegment.Kind.ICC, "iCCP", 0, ICC));
        metadata.add(new MetadataSegment(MetadataSegment.Kind.TEXT, "tEXt:parameters", 0, PROMPT));
        metadata.add(new MetadataSegment(MetadataSegment.Kind.COMMENT, "tEXt:Comment", 0, COMMENT));
        int[][] planes = image.planes();
        ColorType type = image.colorType();
        if (type == ColorType.RGB && image.bitDepth() == 8) {
            int[] alpha = new int[image.pixelCount()];
            java.util.Arrays.fill(alpha, 255);
            planes = new int[][] {planes[0], planes[1], planes[2], alpha};
            type = ColorType.RGBA;
        }
        return new DecodedImage(image.format(), image.width(), image.height(), image.bitDepth(), type, planes,
                image.palette(), image.indices(), image.lossy(), metadata, image.frames(), image.imageEnd(),
                image.trailer());
    }

    /**
     * A seeded permutation of the palette that keeps index pairs together: pair k moves to pair p(k), and its two
     * entries swap when the draw says so. Non-indexed images come back as they are. The same seed gives the same
     * permutation for palettes of the same size, so a stego image and its cover are permuted alike.
     */
    public static DecodedImage pairPermutation(DecodedImage image, long seed) {
        Palette palette = image.palette();
        if (!image.isIndexed() || palette == null || palette.size() < 2) {
            return image;
        }
        int pairs = palette.size() / 2;
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[pairs];
        for (int k = 0; k < pairs; k++) {
            order[k] = k;
        }
        for (int k = pairs - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        int[] map = new int[256];
        for (int i = 0; i < map.length; i++) {
            map[i] = i;
        }
        for (int k = 0; k < pairs; k++) {
            int swap = random.nextBoolean() ? 1 : 0;
            map[2 * k] = 2 * order[k] + swap;
            map[2 * k + 1] = 2 * order[k] + (1 - swap);
        }
        int[] rgb = palette.rgb().clone();
        int[] alpha = palette.alpha() == null ? null : palette.alpha().clone();
        for (int i = 0; i < 2 * pairs; i++) {
            rgb[map[i]] = palette.rgb()[i];
            if (alpha != null && i < palette.alpha().length && map[i] < alpha.length) {
                alpha[map[i]] = palette.alpha()[i];
            }
        }
        int[] indices = image.indices().clone();
        for (int i = 0; i < indices.length; i++) {
            indices[i] = map[indices[i] & 0xFF];
        }
        Palette permuted = new Palette(rgb, alpha);
        return new DecodedImage(image.format(), image.width(), image.height(), image.bitDepth(), image.colorType(),
                permuted.expand(indices), permuted, indices, image.lossy(), image.metadata(), image.frames(),
                image.imageEnd(), image.trailer());
    }

    /** The window at (x, y) of size w × h (clamped to the image). */
    public static DecodedImage crop(DecodedImage image, int x, int y, int w, int h) {
        int x0 = Math.max(0, Math.min(x, image.width() - 1));
        int y0 = Math.max(0, Math.min(y, image.height() - 1));
        int cw = Math.min(w, image.width() - x0);
        int ch = Math.min(h, image.height() - y0);
        int[][] planes = new int[image.planes().length][];
        for (int p = 0; p < planes.length; p++) {
            planes[p] = window(image.planes()[p], image.width(), x0, y0, cw, ch);
        }
        int[] indices = image.indices() == null ? null : window(image.indices(), image.width(), x0, y0, cw, ch);
        return new DecodedImage(image.format(), cw, ch, image.bitDepth(), image.colorType(), planes, image.palette(),
                indices, image.lossy(), image.metadata(), List.of(new FrameInfo(0, 0, 0, cw, ch, 0, false, false)),
                image.imageEnd(), image.trailer());
    }

    private static int[] window(int[] plane, int width, int x0, int y0, int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(plane, (y0 + y) * width + x0, out, y * w, w);
        }
        return out;
    }
}
