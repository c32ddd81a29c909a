package dev.starlight.core.search;

/**
 * Files and compressed streams recognised in a carrier by their structure, not by their magic alone: a PNG's
 * chunks with their CRCs up to IEND, a GIF's blocks up to its trailer, a JPEG's segments up to EOI, a ZIP's
 * entries (each inflated and CRC-checked) up to its end record, a PDF's header through {@code startxref} and
 * {@code %%EOF}, zlib and gzip streams inflated to their end and checked (Adler-32, CRC-32 and size), and bzip2
 * streams followed block by block to their end marker, whose combined CRC must agree with the blocks'. Each check
 * answers the structure's exact length, so the payload is the structure and nothing after it.
 */
final class EmbeddedStructure {
    /** What was recognised and how long it is. */
    record Match(String kind, int length) {
    }

    /** Most bytes a compressed stream may inflate to before it is given up on (a bomb is not a message). */
    static final long MAX_INFLATED = 64L << 20;

    private EmbeddedStructure() {
    }

    /** True when the first bytes at {@code at} start one of the structures (a cheap test before {@link #match}). */
    static boolean startsOne(CarrierBytes in, int at) {
        int b0 = in.at(at);
        int b1 = in.at(at + 1);
        if (b0 < 0 || b1 < 0) {
            return false;
        }
        return b0 == 0x89 && b1 == 'P' || b0 == 'G' && b1 == 'I' || b0 == 0xFF && b1 == 0xD8 || b0 == 'P' && b1 == 'K'
                || b0 == '%' && b1 == 'P' || b0 == 0x1F && b1 == 0x8B || b0 == 'B' && b1 == 'Z' || isZlibHeader(b0, b1);
    }

    /** The structure that starts at {@code at} and ends within {@code max} bytes, or null. */
    static Match match(CarrierBytes in, int at, int max) {
        int end = (int) Math.min((long) at + max, in.length());
        int b0 = in.at(at);
        int b1 = in.at(at + 1);
        if (b0 < 0 || b1 < 0) {
            return null;
        }
        int n = -1;
        String kind = null;
        if (b0 == 0x89 && b1 == 'P') {
            n = FileFormats.png(in, at, end);
            kind = "png file";
        } else if (b0 == 'G' && b1 == 'I') {
            n = FileFormats.gif(in, at, end);
            kind = "gif file";
        } else if (b0 == 0xFF && b1 == 0xD8) {
            n = FileFormats.jpeg(in, at, end);
            kind = "jpeg file";
        } else if (b0 == 'P' && b1 == 'K') {
            n = FileFormats.zip(in, at, end);
            kind = "zip archive";
        } else if (b0 == '%' && b1 == 'P') {
            n = FileFormats.pdf(in, at, end);
            kind = "pdf file";
        } else if (b0 == 0x1F && b1 == 0x8B) {
            n = CompressedStreams.gzip(in, at, end);
            kind = "gzip stream";
        } else if (b0 == 'B' && b1 == 'Z') {
            n = CompressedStreams.bzip2(in, at, end);
            kind = "bzip2 stream";
        } else if (isZlibHeader(b0, b1)) {
            n = CompressedStreams.zlib(in, at, end);
            kind = "zlib stream";
        }
        return n > 0 ? new Match(kind, n) : null;
    }

    static boolean isZlibHeader(int cmf, int flg) {
        return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && (flg & 0x20) == 0 && (cmf << 8 | flg) % 31 == 0;
    }
}
