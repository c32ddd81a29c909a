package dev.starlight.codecs.image;

/**
 * Limits checked before anything is allocated. A hostile header that declares more is refused with
 * {@code TOO_LARGE} or {@code DECOMPRESSION_BOMB}.
 *
 * @param maxBytes          largest input accepted, in bytes
 * @param maxPixels         largest width × height accepted
 * @param maxDimension      largest width or height accepted
 * @param maxInflateRatio   largest ratio of decompressed to compressed bytes (zlib/LZW) before the input is
 *                          treated as a decompression bomb; deflate's own ceiling is about 1032:1
 * @param maxMetadataBytes  largest total of metadata blocks kept
 * @param maxFrames         most frames listed for an animated container
 */
public record ImageLimits(long maxBytes, long maxPixels, int maxDimension, int maxInflateRatio,
                          long maxMetadataBytes, int maxFrames) {

    /** 64 MiB files, 40 megapixels, 32768 per side. */
    public static final ImageLimits DEFAULT = new ImageLimits(64L << 20, 40_000_000L, 32_768, 1100, 16L << 20, 10_000);

    /** Most bytes one compressed metadata text (PNG zTXt, compressed iTXt) is inflated to; the rest is not read. */
    public static final int MAX_INFLATED_TEXT_BYTES = 1 << 20;

    /** Most characters of an XMP packet searched for properties; the rest is not read. */
    public static final int MAX_XMP_SCAN_CHARS = 1 << 20;

    /** Decoded sizes up to this are never treated as bombs, however well they compress (small flat images). */
    public static final long BOMB_FREE_DECODED_BYTES = 16L << 20;

    /**
     * Refuses, before anything is allocated, an image whose decoded samples would exceed {@link #maxInflateRatio}
     * times the compressed bytes that are to produce them (above {@link #BOMB_FREE_DECODED_BYTES}).
     */
    public void checkExpansion(String what, long pixels, int bytesPerPixel, long compressedBytes) {
        long decoded = pixels * bytesPerPixel;
        if (decoded > BOMB_FREE_DECODED_BYTES && decoded > compressedBytes * maxInflateRatio) {
            throw new ImageDecodeException(dev.starlight.codecs.ErrorCode.DECOMPRESSION_BOMB, what + ": " + pixels
                    + " pixels from " + compressedBytes + " compressed bytes (ratio limit " + maxInflateRatio + ")");
        }
    }

    /** Heap one decoded pixel may take at most: four {@code int} planes and one working array. */
    public static final int HEAP_BYTES_PER_PIXEL = 20;

    /**
     * Refuses, before anything is allocated, an image whose decoded samples could take more than half of this
     * JVM's heap. Catching {@code OutOfMemoryError} afterwards is not enough: while one decode fills the heap,
     * other threads (other scans, the Kafka client, the HTTP server) fail their own allocations. A small file can
     * declare such an image and still be no bomb by ratio (6000x6000 of one colour is about 1 MB of PNG).
     * Inside a {@link HeapBudget} scope the image's share is then reserved, so that several such images at once
     * stay within the same half.
     */
    public void checkHeap(String what, long pixels) {
        long max = Runtime.getRuntime().maxMemory();
        long needed = pixels * HEAP_BYTES_PER_PIXEL;
        if (needed > max / 2) {
            throw new ImageDecodeException(dev.starlight.codecs.ErrorCode.TOO_LARGE, what + ": " + pixels
                    + " pixels need about " + (needed >> 20) + " MiB to decode, more than half of the "
                    + (max >> 20) + " MiB heap");
        }
        HeapBudget.reserve(needed, max / 2);
    }

    public ImageLimits withMaxBytes(long bytes) {
        return new ImageLimits(bytes, maxPixels, maxDimension, maxInflateRatio, maxMetadataBytes, maxFrames);
    }

    public ImageLimits withMaxPixels(long pixels) {
        return new ImageLimits(maxBytes, pixels, maxDimension, maxInflateRatio, maxMetadataBytes, maxFrames);
    }
}
