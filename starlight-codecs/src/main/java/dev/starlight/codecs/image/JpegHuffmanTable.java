package dev.starlight.codecs.image;

/**
 * One Huffman table of a DHT segment (ITU-T T.81 B.2.4.2), with the decoder tables of T.81 F.2.2.3 (MAXCODE,
 * MINCODE, VALPTR, built from HUFFSIZE and HUFFCODE of Annex C) and a 9-bit lookup for the short codes.
 */
final class JpegHuffmanTable {
    private static final int FAST_BITS = 9;

    /** (code length << 8) | symbol for each 9-bit prefix that starts a code of up to 9 bits; 0 otherwise. */
    private final short[] fast = new short[1 << FAST_BITS];
    private final int[] maxCode = new int[17];
    private final int[] minCode = new int[17];
    private final int[] valPtr = new int[17];
    private final int[] values;

    /**
     * @param counts number of codes of each length 1..16 (BITS, at index 0..15)
     * @param values the symbols in code order (HUFFVAL)
     */
    JpegHuffmanTable(int[] counts, int[] values) {
        this.values = values;
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            valPtr[len] = k;
            minCode[len] = code;
            if (n == 0) {
                maxCode[len] = -1;
            } else {
                if (code + n > (1 << len)) {
                    throw ImageDecodeException.malformed("JPEG: Huffman table has more codes of length " + len
                            + " than fit (over-subscribed DHT)");
                }
                for (int i = 0; i < n; i++, k++, code++) {
                    if (len <= FAST_BITS) {
                        int shift = FAST_BITS - len;
                        int first = code << shift;
                        short entry = (short) ((len << 8) | values[k]);
                        for (int j = 0; j < (1 << shift); j++) {
                            fast[first + j] = entry;
                        }
                    }
                }
                maxCode[len] = code - 1;
            }
            code <<= 1;
        }
    }

    /** The next symbol (T.81 F.2.2.3, DECODE). */
    int decode(JpegBitReader r) {
        int e = fast[r.peek(FAST_BITS)];
        if (e != 0) {
            r.skip(e >> 8);
            return e & 0xFF;
        }
        int code = r.peek(16);
        for (int len = FAST_BITS + 1; len <= 16; len++) {
            int c = code >>> (16 - len);
            if (c <= maxCode[len]) {
                r.skip(len);
                return values[valPtr[len] + c - minCode[len]];
            }
        }
        throw ImageDecodeException.malformed("JPEG: bit pattern that is no code of the Huffman table");
    }
}
