package dev.starlight.codecs.image;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes quantised coefficients as a sequential Huffman JPEG: the lossless transcoding {@code jpegtran} does, so
 * that an arithmetic-coded file can be shown by the Huffman pixel decoder with exactly the pixels its coefficients
 * give. One non-interleaved scan per component; the Huffman tables hold every symbol 8-bit samples can need, with
 * codes of fixed length (DC categories 0..11, AC run/size pairs with sizes 1..10, EOB and ZRL: T.81 F.1.2); a
 * coefficient beyond them is MALFORMED, as no 8-bit image has one. The
 * application segments (JFIF, Adobe, ICC) are copied so that the colour transform is the original's.
 */
final class JpegHuffmanRewriter {
    private static final int MAX_DC_CATEGORY = 11;
    private static final int MAX_AC_SIZE = 10;
    private static final int AC_SYMBOLS = 2 + 16 * MAX_AC_SIZE;

    private JpegHuffmanRewriter() {
    }

    static byte[] rewrite(byte[] original, List<JpegSegment> segments, JpegCoefficients coefficients) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        for (JpegSegment s : segments) {
            if (s.isApp()) {
                out.write(original, s.offset(), s.end() - s.offset());
            }
        }
        List<JpegCoefficients.Component> comps = coefficients.components();
        boolean wide = false;
        for (int i = 0; i < comps.size(); i++) {
            int[] q = comps.get(i).quant();
            boolean sixteen = false;
            for (int v : q) {
                sixteen |= v > 255;
            }
            wide |= sixteen;
            segment(out, 0xDB, 1 + 64 * (sixteen ? 2 : 1));
            out.write((sixteen ? 0x10 : 0) | i);
            for (int k = 0; k < 64; k++) {
                int v = q[JpegCoefficientReader.ZIGZAG[k]];
                if (sixteen) {
                    out.write(v >> 8);
                }
                out.write(v);
            }
        }
        segment(out, wide ? 0xC1 : 0xC0, 6 + 3 * comps.size());
        out.write(8);
        out.write(coefficients.height() >> 8);
        out.write(coefficients.height());
        out.write(coefficients.width() >> 8);
        out.write(coefficients.width());
        out.write(comps.size());
        for (int i = 0; i < comps.size(); i++) {
            JpegCoefficients.Component c = comps.get(i);
            out.write(c.id());
            out.write(c.h() << 4 | c.v());
            out.write(i);
        }
        // DC: 12 codes of 4 bits; AC: 162 codes of 8 bits (none all ones)
        segment(out, 0xC4, 17 + MAX_DC_CATEGORY + 1 + 17 + AC_SYMBOLS);
        out.write(0x00);
        writeCounts(out, 4, MAX_DC_CATEGORY + 1);
        for (int v = 0; v <= MAX_DC_CATEGORY; v++) {
            out.write(v);
        }
        out.write(0x10);
        writeCounts(out, 8, AC_SYMBOLS);
        for (int symbol : acSymbols()) {
            out.write(symbol);
        }
        int[] acCode = new int[256];
        int[] symbols = acSymbols();
        for (int i = 0; i < symbols.length; i++) {
            acCode[symbols[i]] = i;
        }
        for (JpegCoefficients.Component c : comps) {
            segment(out, 0xDA, 6);
            out.write(1);
            out.write(c.id());
            out.write(0x00);
            out.write(0);
            out.write(63);
            out.write(0);
            BitWriter bits = new BitWriter(out);
            short[] coef = c.coefficients();
            int pred = 0;
            for (int b = 0; b < c.blockCount(); b++) {
                int off = b * 64;
                int diff = coef[off] - pred;
                pred = coef[off];
                int s = category(diff);
                if (s > MAX_DC_CATEGORY) {
                    throw ImageDecodeException.malformed("JPEG: DC difference " + diff + " is out of the 8-bit range");
                }
                bits.write(s, 4);
                bits.write(magnitudeBits(diff, s), s);
                int run = 0;
                for (int k = 1; k < 64; k++) {
                    int v = coef[off + JpegCoefficientReader.ZIGZAG[k]];
                    if (v == 0) {
                        run++;
                        continue;
                    }
                    while (run > 15) {
                        bits.write(acCode[0xF0], 8);
                        run -= 16;
                    }
                    int size = category(v);
                    if (size > MAX_AC_SIZE) {
                        throw ImageDecodeException.malformed("JPEG: AC coefficient " + v + " is out of the 8-bit range");
                    }
                    bits.write(acCode[run << 4 | size], 8);
                    bits.write(magnitudeBits(v, size), size);
                    run = 0;
                }
                if (run > 0) {
                    bits.write(acCode[0x00], 8);
                }
            }
            bits.flush();
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private static int[] acSymbols() {
        int[] symbols = new int[AC_SYMBOLS];
        int n = 0;
        symbols[n++] = 0x00;
        symbols[n++] = 0xF0;
        for (int run = 0; run < 16; run++) {
            for (int size = 1; size <= MAX_AC_SIZE; size++) {
                symbols[n++] = run << 4 | size;
            }
        }
        return symbols;
    }

    private static void writeCounts(ByteArrayOutputStream out, int length, int count) {
        for (int l = 1; l <= 16; l++) {
            out.write(l == length ? count : 0);
        }
    }

    private static void segment(ByteArrayOutputStream out, int marker, int payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload + 2) >> 8);
        out.write(payload + 2);
    }

    /** SSSS of T.81 F.1.2.1: the number of bits of |v|. */
    private static int category(int v) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(v));
    }

    /** The low {@code s} bits that follow a category: v itself, or v - 1 for negative values (F.1.2.1). */
    private static int magnitudeBits(int v, int s) {
        return (v < 0 ? v - 1 : v) & ((1 << s) - 1);
    }

    /** MSB-first bits with 0xFF stuffing; the last byte is padded with 1 bits (F.1.2.3). */
    private static final class BitWriter {
        private final ByteArrayOutputStream out;
        private int acc;
        private int count;

        BitWriter(ByteArrayOutputStream out) {
            this.out = out;
        }

        void write(int value, int n) {
            for (int i = n - 1; i >= 0; i--) {
                acc = acc << 1 | (value >>> i) & 1;
                if (++count == 8) {
                    emit();
                }
            }
        }

        private void emit() {
            out.write(acc);
            if (acc == 0xFF) {
                out.write(0);
            }
            acc = 0;
            count = 0;
        }

        void flush() {
            while (count != 0) {
                acc = acc << 1 | 1;
                if (++count == 8) {
                    emit();
                }
            }
        }
    }
}
