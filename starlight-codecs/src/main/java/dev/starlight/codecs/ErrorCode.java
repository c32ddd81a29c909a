package dev.starlight.codecs;

/**
 * Stable error codes carried by {@code ScanResult.error.code}. The strings are part of the public contract:
 * clients match on them, so a name is never changed or reused.
 */
public enum ErrorCode {
    /** Zero bytes were given. */
    EMPTY_INPUT,
    /** The bytes are not one of the supported containers (PNG, GIF, BMP, JPEG, WebP). */
    UNSUPPORTED_FORMAT,
    /** A supported container that uses a feature we do not decode (e.g. 12-bit JPEG, animated WebP). */
    UNSUPPORTED_FEATURE,
    /** The data ends before a structure it declares. */
    TRUNCATED,
    /** A structure is inconsistent (bad lengths, bad CRC where it matters, invalid codes, indices out of range). */
    MALFORMED,
    /** Input bytes, dimensions or pixel count above the configured limits. */
    TOO_LARGE,
    /** Compressed data that would expand far beyond what its declared size allows. */
    DECOMPRESSION_BOMB,
    /** The carrier cannot hold the message, or the method does not apply to this image. */
    CAPACITY_EXCEEDED,
    /** The method cannot be used with this image (e.g. alpha embedding in an image without alpha). */
    METHOD_NOT_APPLICABLE,
    /**
     * The message could not be found again once embedded: an unmarked palette or lsb.rgb message must be text a
     * reader can tell from noise (UTF-8, at least 8 bytes); frame it with AI42 or make it longer.
     */
    MESSAGE_NOT_RECOVERABLE,
    /** Work on one image exceeded its time limit. */
    TIMEOUT,
    /** A bug: an unexpected exception inside Starlight. Reported, never thrown to the caller. */
    INTERNAL
}
