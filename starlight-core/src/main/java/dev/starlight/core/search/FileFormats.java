package dev.starlight.core.search;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Files in a carrier, followed through their structure to their exact end: a PNG's chunks with their CRCs up to
 * IEND, a GIF's blocks up to its trailer, a JPEG's segments and entropy-coded data up to EOI, a ZIP's entries (each
 * inflated and CRC-checked, data descriptors included) up to its end record, a PDF's header through
 * {@code startxref} and {@code %%EOF}. Each answers the file's length from {@code at}, or -1.
 */
final class FileFormats {
    private FileFormats() {
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    static int png(CarrierBytes in, int at, int end) {
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (in.at(at + i) != (PNG_SIGNATURE[i] & 0xFF)) {
                return -1;
            }
        }
        int p = at + 8;
        boolean first = true;
        while (p + 12 <= end) {
            long length = in.bigEndian(p, 4);
            if (length < 0 || length > end - p - 12) {
                return -1;
            }
            byte[] typeAndData = in.range(p + 4, 4 + (int) length);
            for (int i = 0; i < 4; i++) {
                int c = typeAndData[i] & 0xFF;
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                    return -1;
                }
            }
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            if (first && (!type.equals("IHDR") || length != 13)) {
                return -1;
            }
            first = false;
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            if (crc.getValue() != in.bigEndian(p + 8 + (int) length, 4)) {
                return -1;
            }
            p += 12 + (int) length;
            if (type.equals("IEND")) {
                return p - at;
            }
        }
        return -1;
    }

    static int gif(CarrierBytes in, int at, int end) {
        byte[] head = in.range(at, 13);
        if (head == null) {
            return -1;
        }
        String magic = new String(head, 0, 6, StandardCharsets.US_ASCII);
        long width = in.littleEndian(at + 6, 2);
        long height = in.littleEndian(at + 8, 2);
        if (!magic.equals("GIF87a") && !magic.equals("GIF89a") || width <= 0 || height <= 0) {
            return -1;
        }
        int packed = head[10] & 0xFF;
        int p = at + 13 + ((packed & 0x80) != 0 ? 3 << ((packed & 7) + 1) : 0);
        int images = 0;
        while (p < end) {
            int block = in.at(p);
            if (block == 0x3B) {
                return images > 0 ? p + 1 - at : -1;
            } else if (block == 0x21) {
                p = subBlocks(in, p + 2, end);
            } else if (block == 0x2C) {
                int local = in.at(p + 9);
                if (local < 0) {
                    return -1;
                }
                p += 10 + ((local & 0x80) != 0 ? 3 << ((local & 7) + 1) : 0);
                int codeSize = in.at(p);
                if (codeSize < 2 || codeSize > 8) {
                    return -1;
                }
                p = subBlocks(in, p + 1, end);
                images++;
            } else {
                return -1;
            }
            if (p < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** Skips GIF data sub-blocks from {@code p}; the offset after the 0 terminator, or -1. */
    private static int subBlocks(CarrierBytes in, int p, int end) {
        while (p < end) {
            int size = in.at(p);
            if (size < 0) {
                return -1;
            }
            p += 1 + size;
            if (size == 0) {
                return p;
            }
        }
        return -1;
    }

    static int jpeg(CarrierBytes in, int at, int end) {
        int p = at + 2;
        boolean frame = false;
        boolean scan = false;
        while (p + 1 < end) {
            if (in.at(p) != 0xFF) {
                return -1;
            }
            int marker = in.at(p + 1);
            while (marker == 0xFF && p + 2 < end) {
                p++;
                marker = in.at(p + 1);
            }
            p += 2;
            if (marker == 0xD9) {
                return frame && scan ? p - at : -1;
            }
            if (marker == 0x00 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                return -1;
            }
            long length = in.bigEndian(p, 2);
            if (length < 2 || p + length > end) {
                return -1;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                frame = true;
            }
            p += (int) length;
            if (marker == 0xDA) {
                if (!frame) {
                    return -1;
                }
                scan = true;
                // entropy-coded data: up to the next marker that is neither a stuffed 0x00 nor a restart
                while (p + 1 < end) {
                    if (in.at(p) == 0xFF) {
                        int next = in.at(p + 1);
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                            break;
                        }
                    }
                    p++;
                }
            }
        }
        return -1;
    }

    static int zip(CarrierBytes in, int at, int end) {
        int p = at;
        int entries = 0;
        while (in.bigEndian(p, 4) == 0x504B0304L) {
            if (in.range(p, 30) == null) {
                return -1;
            }
            int flags = (int) in.littleEndian(p + 6, 2);
            int method = (int) in.littleEndian(p + 8, 2);
            long crc = in.littleEndian(p + 14, 4);
            long compressed = in.littleEndian(p + 18, 4);
            long size = in.littleEndian(p + 22, 4);
            int nameLength = (int) in.littleEndian(p + 26, 2);
            int extraLength = (int) in.littleEndian(p + 28, 2);
            long dataStart = (long) p + 30 + nameLength + extraLength;
            boolean descriptor = (flags & 0x08) != 0;
            if ((flags & 0x01) != 0 || method != 0 && method != 8 || nameLength == 0 || dataStart >= end
                    || descriptor && method != 8) {
                return -1;
            }
            if (descriptor) {
                // sizes and CRC follow the data: inflate to find its end, then read them there
                Inflater inflater = new Inflater(true);
                CRC32 sum = new CRC32();
                long[] produced = new long[1];
                int used;
                try {
                    used = CompressedStreams.inflate(inflater, in, (int) dataStart, end, produced, sum);
                } finally {
                    inflater.end();
                }
                if (used <= 0) {
                    return -1;
                }
                int q = (int) dataStart + used;
                if (in.bigEndian(q, 4) == 0x504B0708L) {
                    q += 4;
                }
                if (in.littleEndian(q, 4) != sum.getValue() || in.littleEndian(q + 4, 4) != used
                        || in.littleEndian(q + 8, 4) != (produced[0] & 0xFFFFFFFFL)) {
                    return -1;
                }
                p = q + 12;
            } else {
                if (dataStart + compressed > end || !zipEntryChecks(in.range((int) dataStart, (int) compressed),
                        method, crc, size)) {
                    return -1;
                }
                p = (int) (dataStart + compressed);
            }
            entries++;
        }
        if (entries == 0) {
            return -1;
        }
        int central = 0;
        while (in.bigEndian(p, 4) == 0x504B0102L) {
            long n = in.littleEndian(p + 28, 2);
            long m = in.littleEndian(p + 30, 2);
            long k = in.littleEndian(p + 32, 2);
            if (n < 0 || m < 0 || k < 0) {
                return -1;
            }
            p += 46 + (int) (n + m + k);
            central++;
        }
        if (central != entries || in.bigEndian(p, 4) != 0x504B0506L || in.littleEndian(p + 10, 2) != entries) {
            return -1;
        }
        long comment = in.littleEndian(p + 20, 2);
        if (comment < 0 || p + 22 + comment > end) {
            return -1;
        }
        return p + 22 + (int) comment - at;
    }

    private static boolean zipEntryChecks(byte[] data, int method, long crc, long size) {
        byte[] content;
        if (method == 0) {
            content = data;
        } else {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(data);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                while (!inflater.finished()) {
                    int k = inflater.inflate(buffer);
                    if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        return false;
                    }
                    out.write(buffer, 0, k);
                    if (out.size() > EmbeddedStructure.MAX_INFLATED) {
                        return false;
                    }
                }
                content = out.toByteArray();
            } catch (DataFormatException e) {
                return false;
            } finally {
                inflater.end();
            }
        }
        CRC32 c = new CRC32();
        c.update(content);
        return content.length == size && c.getValue() == crc;
    }

    private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STARTXREF = "startxref".getBytes(StandardCharsets.US_ASCII);

    static int pdf(CarrierBytes in, int at, int end) {
        byte[] head = in.range(at, 8);
        if (head == null || !new String(head, StandardCharsets.US_ASCII).matches("%PDF-[12]\\.[0-9]")) {
            return -1;
        }
        boolean xref = false;
        for (int p = at + 8; p + EOF.length <= end; p++) {
            if (!xref && startsWith(in, p, STARTXREF)) {
                xref = true;
            } else if (xref && startsWith(in, p, EOF)) {
                int q = p + EOF.length;
                if (in.at(q) == '\r') {
                    q++;
                }
                if (q < end && in.at(q) == '\n') {
                    q++;
                }
                return q - at;
            }
        }
        return -1;
    }

    private static boolean startsWith(CarrierBytes in, int p, byte[] s) {
        for (int i = 0; i < s.length; i++) {
            if (in.at(p + i) != (s[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

}
