package dev.starlight.codecs.image;

/**
 * One RIFF chunk of a WebP file as found by {@link WebpStructure}.
 *
 * @param fourCC      the chunk type ({@code "VP8L"}, {@code "EXIF"}, {@code "XMP "}, ...)
 * @param offset      file offset of the chunk header
 * @param dataOffset  file offset of the payload ({@code offset + 8})
 * @param size        payload size as declared
 * @param end         file offset just past the payload and its padding byte (when the padding byte is present)
 */
record WebpChunk(String fourCC, int offset, int dataOffset, int size, int end) {
}
