package dev.starlight.codecs.image;

/**
 * One marker of a JPEG file as found by {@link JpegStructure}.
 *
 * @param marker      the marker byte (0xD8 for SOI, 0xE1 for APP1, ...)
 * @param offset      file offset of the 0xFF that starts the marker (fill bytes before it excluded)
 * @param dataOffset  file offset of the payload, after the two length bytes (equal to {@code end} for markers
 *                    without a payload)
 * @param end         file offset just past the payload; for SOS this is the end of the header, not of the
 *                    entropy-coded data that follows
 */
record JpegSegment(int marker, int offset, int dataOffset, int end) {

    int length() {
        return end - dataOffset;
    }

    boolean isApp() {
        return marker >= 0xE0 && marker <= 0xEF;
    }
}
