package dev.starlight.core.model;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.MetadataSegment;

/**
 * The {@code meta} stream: one image-level vector of {@value #LENGTH} floats describing the bytes that are not
 * pixels: every metadata segment's data and the trailer (bytes after the end of the image).
 *
 * <table>
 *   <caption>Layout</caption>
 *   <tr><th>index</th><th>value</th></tr>
 *   <tr><td>b (b &lt; 256)</td><td>share of byte value b among all metadata and trailer bytes (sums to 1; all 0
 *       when there are none)</td></tr>
 *   <tr><td>256</td><td>ln(1 + metadata bytes) / 16, at most 1</td></tr>
 *   <tr><td>257</td><td>ln(1 + trailer bytes) / 16, at most 1</td></tr>
 *   <tr><td>258</td><td>1 when a segment is EXIF</td></tr>
 *   <tr><td>259</td><td>1 when there is a trailer</td></tr>
 *   <tr><td>260</td><td>Shannon entropy of the trailer bytes in bits per byte / 8 (0 without trailer)</td></tr>
 *   <tr><td>261</td><td>metadata segment count / 16, at most 1</td></tr>
 *   <tr><td>262</td><td>1 when a segment is a comment or text</td></tr>
 *   <tr><td>263</td><td>share of printable ASCII (0x20..0x7E, tab, CR, LF) in the trailer</td></tr>
 * </table>
 */
final class MetaVector {
    static final int LENGTH = 256 + 8;

    private MetaVector() {
    }

    static float[] of(DecodedImage image) {
        float[] v = new float[LENGTH];
        long[] histogram = new long[256];
        long metadataBytes = 0;
        boolean exif = false;
        boolean text = false;
        for (MetadataSegment segment : image.metadata()) {
            byte[] data = segment.data() == null ? new byte[0] : segment.data();
            metadataBytes += data.length;
            count(data, histogram);
            exif |= segment.kind() == MetadataSegment.Kind.EXIF;
            text |= segment.kind() == MetadataSegment.Kind.COMMENT || segment.kind() == MetadataSegment.Kind.TEXT;
        }
        byte[] trailer = image.trailer();
        long[] trailerHistogram = new long[256];
        count(trailer, trailerHistogram);
        long total = metadataBytes + trailer.length;
        for (int b = 0; b < 256; b++) {
            if (total > 0) {
                v[b] = (float) ((histogram[b] + trailerHistogram[b]) / (double) total);
            }
        }
        v[256] = logLength(metadataBytes);
        v[257] = logLength(trailer.length);
        v[258] = exif ? 1f : 0f;
        v[259] = trailer.length > 0 ? 1f : 0f;
        v[260] = (float) (entropyBits(trailerHistogram, trailer.length) / 8);
        v[261] = Math.min(1f, image.metadata().size() / 16f);
        v[262] = text ? 1f : 0f;
        v[263] = printableShare(trailerHistogram, trailer.length);
        return v;
    }

    private static void count(byte[] data, long[] histogram) {
        for (byte b : data) {
            histogram[b & 0xFF]++;
        }
    }

    private static float logLength(long length) {
        return (float) Math.min(1.0, Math.log1p(length) / 16);
    }

    private static double entropyBits(long[] histogram, long total) {
        double bits = 0;
        for (long n : histogram) {
            if (n > 0) {
                double p = n / (double) total;
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        return Math.max(0.0, bits);
    }

    private static float printableShare(long[] histogram, long total) {
        if (total == 0) {
            return 0f;
        }
        long printable = histogram['\t'] + histogram['\n'] + histogram['\r'];
        for (int b = 0x20; b <= 0x7E; b++) {
            printable += histogram[b];
        }
        return (float) (printable / (double) total);
    }
}
