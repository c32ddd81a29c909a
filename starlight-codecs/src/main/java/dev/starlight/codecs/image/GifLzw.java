package dev.starlight.codecs.image;

/** GIF's variable-length LZW (LSB-first codes, 12-bit ceiling, deferred clear), decoder and encoder. */
final class GifLzw {
    private static final int MAX_CODES = 4096;
    /** The largest minimum code size that leaves room for the clear and end codes under the 12-bit ceiling. */
    static final int MAX_MIN_CODE_SIZE = 11;

    private GifLzw() {
    }

    /**
     * Decodes {@code data} into {@code out} (exactly {@code out.length} pixels). Returns the number of pixels the
     * stream actually produced; the rest stay 0, as browsers show a short stream. Invalid codes are MALFORMED.
     * Minimum code sizes above 8 (up to 11, whose first codes are already 12 bits wide) are decoded as giflib,
     * Pillow and ImageIO decode them: the literals are just wider than a byte, and must still index the palette.
     */
    static int decode(byte[] data, int minCodeSize, int[] out) {
        if (minCodeSize < 2 || minCodeSize > MAX_MIN_CODE_SIZE) {
            throw ImageDecodeException.malformed("GIF: LZW minimum code size " + minCodeSize + " is not 2.."
                    + MAX_MIN_CODE_SIZE);
        }
        int clear = 1 << minCodeSize;
        int eoi = clear + 1;
        short[] prefix = new short[MAX_CODES];
        short[] suffix = new short[MAX_CODES];
        short[] length = new short[MAX_CODES];
        short[] first = new short[MAX_CODES];
        for (int i = 0; i < clear; i++) {
            suffix[i] = (short) i;
            first[i] = (short) i;
            length[i] = 1;
        }
        int codeSize = minCodeSize + 1;
        int next = eoi + 1;
        int prev = -1;
        int pos = 0;
        long bitBuffer = 0;
        int bitCount = 0;
        int byteIndex = 0;
        while (pos < out.length) {
            while (bitCount < codeSize && byteIndex < data.length) {
                bitBuffer |= (long) (data[byteIndex++] & 0xFF) << bitCount;
                bitCount += 8;
            }
            if (bitCount < codeSize) {
                break; // stream ends early: remaining pixels stay 0
            }
            int code = (int) (bitBuffer & ((1 << codeSize) - 1));
            bitBuffer >>>= codeSize;
            bitCount -= codeSize;
            if (code == clear) {
                codeSize = minCodeSize + 1;
                next = eoi + 1;
                prev = -1;
                continue;
            }
            if (code == eoi) {
                break;
            }
            int entry;
            short firstOfEntry;
            if (prev == -1) {
                if (code >= clear) {
                    throw ImageDecodeException.malformed("GIF: LZW code " + code + " after a clear code");
                }
                entry = code;
                firstOfEntry = first[code];
            } else if (code < next) {
                entry = code;
                firstOfEntry = first[code];
            } else if (code == next && next < MAX_CODES) {
                entry = -1; // prev's string + its own first byte
                firstOfEntry = first[prev];
            } else {
                throw ImageDecodeException.malformed("GIF: LZW code " + code + " not yet defined (next " + next + ")");
            }
            if (prev != -1 && next < MAX_CODES) {
                prefix[next] = (short) prev;
                suffix[next] = firstOfEntry;
                first[next] = first[prev];
                length[next] = (short) (length[prev] + 1);
                if (entry == -1) {
                    entry = next;
                }
                next++;
                if (next == (1 << codeSize) && codeSize < 12) {
                    codeSize++;
                }
            }
            // write the entry's string backwards, clipped to the frame
            int len = length[entry];
            int c = entry;
            for (int k = len - 1; k >= 0; k--) {
                if (pos + k < out.length) {
                    out[pos + k] = suffix[c];
                }
                c = prefix[c];
            }
            pos += len;
            prev = code;
        }
        return Math.min(pos, out.length);
    }

    /** Encodes indices (each below {@code 1 << minCodeSize}) as a GIF LZW stream, without sub-block framing. */
    static byte[] encode(int[] indices, int minCodeSize) {
        int clear = 1 << minCodeSize;
        int eoi = clear + 1;
        // (prefix code << 8 | next index) -> code, valid when stamp matches the current table generation
        int[] codes = new int[MAX_CODES << 8];
        int[] stamps = new int[MAX_CODES << 8];
        int generation = 1;
        LzwBitWriter out = new LzwBitWriter();
        int codeSize = minCodeSize + 1;
        int next = eoi + 1;
        out.write(clear, codeSize);
        if (indices.length == 0) {
            out.write(eoi, codeSize);
            return out.finish();
        }
        int prefix = indices[0];
        for (int i = 1; i < indices.length; i++) {
            int k = indices[i];
            int key = (prefix << 8) | k;
            if (stamps[key] == generation) {
                prefix = codes[key];
                continue;
            }
            out.write(prefix, codeSize);
            if (next < MAX_CODES) {
                codes[key] = next;
                stamps[key] = generation;
                next++;
                if (next > (1 << codeSize) && codeSize < 12) {
                    codeSize++;
                }
            } else {
                out.write(clear, codeSize);
                generation++;
                codeSize = minCodeSize + 1;
                next = eoi + 1;
            }
            prefix = k;
        }
        out.write(prefix, codeSize);
        out.write(eoi, codeSize);
        return out.finish();
    }
}
