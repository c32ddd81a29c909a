package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the quantised DCT coefficients of a JPEG file (ITU-T T.81), without decoding pixels.
 *
 * <p>Decoded: sequential Huffman frames (SOF0 baseline, SOF1 extended, 8-bit; T.81 Annex F) and progressive
 * Huffman frames (SOF2; T.81 Annex G: DC first and refinement scans, AC first scans with end-of-band runs, AC
 * refinement scans), with DHT (B.2.4.2), DQT with 8- and 16-bit entries (B.2.4.1), DRI restart intervals
 * (B.2.4.4) and RSTn markers, 1 to 4 components with any sampling factors: interleaved scans are read MCU by MCU
 * (A.2.3), a scan of one component covers ceil(ceil(X * H / Hmax) / 8) blocks per row (A.2.2). Arithmetic-coded
 * frames (SOF9 sequential, SOF10 progressive) are read with {@link JpegArithmeticDecoder} and the statistical
 * models of T.81 F.1.4.4 and G.1.3.2, with the conditioning of DAC (B.2.4.3). Bytes between segments that are
 * not a marker are skipped, as libjpeg skips them. Refused with
 * {@link ErrorCode#UNSUPPORTED_FEATURE}: lossless and hierarchical frames and 12-bit samples;
 * with {@link ErrorCode#TRUNCATED}: data that ends early; with {@link ErrorCode#TOO_LARGE} and
 * {@link ErrorCode#DECOMPRESSION_BOMB}: frames above the {@link ImageLimits}, checked before the coefficient
 * arrays are allocated. Every other inconsistency is {@link ErrorCode#MALFORMED}. Nothing but
 * {@link ImageDecodeException} is thrown.
 */
public final class JpegCoefficientReader {
    /** Natural (row-major) index of the k-th coefficient in zig-zag order (T.81 Figure A.6). */
    static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};
    /** Most scans read from one file: real progressive files have about ten. */
    static final int MAX_SCANS = 1000;
    /** Zero bits a scan may read past the end of its data before it is called broken. */
    private static final int PADDING_TOLERANCE_BITS = 16;

    private static final int SEQUENTIAL = 0;
    private static final int DC_FIRST = 1;
    private static final int DC_REFINE = 2;
    private static final int AC_FIRST = 3;
    private static final int AC_REFINE = 4;

    private final byte[] data;
    private final ImageLimits limits;
    private final int[][] quant = new int[4][];
    private final JpegHuffmanTable[] dcTables = new JpegHuffmanTable[4];
    private final JpegHuffmanTable[] acTables = new JpegHuffmanTable[4];
    private int restartInterval;
    private boolean progressive;
    private boolean arithmetic;
    // DAC conditioning (B.2.4.3) per table: DC lower and upper bounds, AC Kx; T.81 defaults 0, 1, 5
    private final int[] dcL = {0, 0, 0, 0};
    private final int[] dcU = {1, 1, 1, 1};
    private final int[] acK = {5, 5, 5, 5};
    private final byte[][] dcBins = new byte[4][64];
    private final byte[][] acBins = new byte[4][256];
    private int width;
    private int height;
    private int mcusX;
    private int mcusY;
    private Comp[] comps;
    private int scans;

    /** One frame component while reading (T.81 B.2.2). */
    private static final class Comp {
        int id;
        int h;
        int v;
        int tq;
        int[] quant;
        int paddedWide;
        int paddedHigh;
        int blocksWide;
        int blocksHigh;
        short[] coef;
        int pred;
        JpegHuffmanTable dc;
        JpegHuffmanTable ac;
        int dcId;
        int acId;
        int dcContext;
    }

    private JpegCoefficientReader(byte[] data, ImageLimits limits) {
        this.data = data;
        this.limits = limits;
    }

    public static JpegCoefficients read(byte[] data) {
        return read(data, ImageLimits.DEFAULT);
    }

    public static JpegCoefficients read(byte[] data, ImageLimits limits) {
        if (data == null || data.length == 0) {
            throw new ImageDecodeException(ErrorCode.EMPTY_INPUT, "JPEG: no data");
        }
        if (data.length > limits.maxBytes()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "JPEG: " + data.length
                    + " bytes exceeds the limit " + limits.maxBytes());
        }
        return new JpegCoefficientReader(data, limits).decode();
    }

    private JpegCoefficients decode() {
        ByteReader r = new ByteReader(data);
        if (r.u8("SOI") != 0xFF || r.u8("SOI") != 0xD8) {
            throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FORMAT, "JPEG: no SOI marker at offset 0");
        }
        while (true) {
            int start = r.position();
            int b = r.u8("JPEG marker");
            if (b != 0xFF) {
                continue; // a stray byte between segments: look for the next 0xFF
            }
            int marker = r.u8("JPEG marker");
            while (marker == 0xFF) {
                marker = r.u8("JPEG marker");
            }
            if (marker == 0xD9) {
                break;
            }
            if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                continue;
            }
            if (marker == 0x00 || marker == 0xD8) {
                throw ImageDecodeException.malformed(String.format(
                        "JPEG: unexpected marker 0xff%02x at offset %d", marker, start));
            }
            int length = r.u16be("JPEG segment length");
            if (length < 2) {
                throw ImageDecodeException.malformed(String.format(
                        "JPEG: segment 0xff%02x at offset %d declares length %d", marker, start, length));
            }
            r.require(length - 2, String.format("JPEG segment 0xff%02x at offset %d", marker, start));
            ByteReader s = new ByteReader(data, r.position(), r.position() + length - 2);
            r.skip(length - 2, "JPEG segment");
            switch (marker) {
                case 0xC0, 0xC1, 0xC2, 0xC9, 0xCA -> frame(s, marker, start);
                case 0xCC -> arithmeticConditioning(s);
                case 0xC4 -> huffmanTables(s);
                case 0xDB -> quantisationTables(s);
                case 0xDD -> restartInterval = s.u16be("DRI restart interval");
                case 0xDA -> {
                    scan(s, start);
                    if (arithmetic) {
                        JpegArithmeticDecoder dec = new JpegArithmeticDecoder(data, r.position());
                        decodeArithmeticScan(dec);
                        r.seek(dec.endOfScan());
                    } else {
                        JpegBitReader bits = new JpegBitReader(data, r.position());
                        decodeScan(bits);
                        r.seek(bits.endOfScan());
                    }
                }
                default -> {
                    if (JpegStructure.isSof(marker)) {
                        throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, String.format(
                                "JPEG: frame type SOF%d (0xff%02x) at offset %d is not decoded (%s)",
                                marker - 0xC0, marker, start, sofName(marker)));
                    }
                }
            }
        }
        if (comps == null || scans == 0) {
            throw ImageDecodeException.malformed("JPEG: EOI before any " + (comps == null ? "frame header" : "scan"));
        }
        List<JpegCoefficients.Component> out = new ArrayList<>(comps.length);
        for (Comp c : comps) {
            if (c.quant == null) {
                c.quant = tableFor(c);
            }
            out.add(new JpegCoefficients.Component(c.id, c.h, c.v, c.quant.clone(), c.blocksWide, c.blocksHigh,
                    compact(c)));
        }
        return new JpegCoefficients(width, height, progressive, out);
    }

    /** SOF0/1/2 (T.81 B.2.2); checks the limits before allocating. */
    private void frame(ByteReader s, int marker, int start) {
        if (comps != null) {
            throw ImageDecodeException.malformed("JPEG: second frame header at offset " + start);
        }
        int precision = s.u8("SOF precision");
        height = s.u16be("SOF height");
        width = s.u16be("SOF width");
        int n = s.u8("SOF components");
        if (precision != 8) {
            throw new ImageDecodeException(precision == 12 ? ErrorCode.UNSUPPORTED_FEATURE : ErrorCode.MALFORMED,
                    "JPEG: " + precision + "-bit samples; only 8-bit is read");
        }
        if (width == 0) {
            throw ImageDecodeException.malformed("JPEG: width 0 in SOF at offset " + start);
        }
        if (height == 0) {
            throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE,
                    "JPEG: height 0 in SOF at offset " + start + " (height defined by a DNL marker)");
        }
        if (n < 1 || n > 4) {
            throw new ImageDecodeException(n == 0 ? ErrorCode.MALFORMED : ErrorCode.UNSUPPORTED_FEATURE,
                    "JPEG: " + n + " components in SOF at offset " + start);
        }
        if (s.remaining() != 3 * n) {
            throw ImageDecodeException.malformed("JPEG: SOF at offset " + start + " has the wrong length for "
                    + n + " components");
        }
        if (width > limits.maxDimension() || height > limits.maxDimension()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "JPEG: " + width + "x" + height
                    + " exceeds the dimension limit " + limits.maxDimension());
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "JPEG: " + width + "x" + height + " = " + pixels
                    + " pixels exceeds the limit " + limits.maxPixels());
        }
        Comp[] cs = new Comp[n];
        int hMax = 1;
        int vMax = 1;
        for (int i = 0; i < n; i++) {
            Comp c = new Comp();
            c.id = s.u8("SOF component id");
            int hv = s.u8("SOF sampling factors");
            c.h = hv >> 4;
            c.v = hv & 15;
            c.tq = s.u8("SOF quantisation table");
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) {
                throw ImageDecodeException.malformed("JPEG: component " + i + " has sampling factors " + c.h + "x"
                        + c.v + " and quantisation table " + c.tq + " (SOF at offset " + start + ")");
            }
            for (int j = 0; j < i; j++) {
                if (cs[j].id == c.id) {
                    throw ImageDecodeException.malformed("JPEG: component id " + c.id + " appears twice in SOF");
                }
            }
            hMax = Math.max(hMax, c.h);
            vMax = Math.max(vMax, c.v);
            cs[i] = c;
        }
        mcusX = ceilDiv(width, 8 * hMax);
        mcusY = ceilDiv(height, 8 * vMax);
        long coefficients = 0;
        for (Comp c : cs) {
            c.paddedWide = mcusX * c.h;
            c.paddedHigh = mcusY * c.v;
            c.blocksWide = ceilDiv(ceilDiv(width * c.h, hMax), 8);
            c.blocksHigh = ceilDiv(ceilDiv(height * c.v, vMax), 8);
            coefficients += (long) c.paddedWide * c.paddedHigh * 64;
        }
        // the same rule the pixel decoder applies, then the same ratio for the coefficient arrays themselves
        limits.checkExpansion("JPEG", pixels, 3, data.length);
        limits.checkExpansion("JPEG coefficients", coefficients, 2, data.length);
        if (coefficients > Integer.MAX_VALUE - 64) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "JPEG: " + coefficients + " coefficients");
        }
        for (Comp c : cs) {
            c.coef = new short[c.paddedWide * c.paddedHigh * 64];
        }
        comps = cs;
        progressive = marker == 0xC2 || marker == 0xCA;
        arithmetic = marker == 0xC9 || marker == 0xCA;
    }

    /** DAC (T.81 B.2.4.3): conditioning bounds L and U of a DC table, Kx of an AC table. */
    private void arithmeticConditioning(ByteReader s) {
        while (s.hasRemaining()) {
            int tctb = s.u8("DAC class and id");
            int cs = s.u8("DAC value");
            int tc = tctb >> 4;
            int tb = tctb & 15;
            if (tc > 1 || tb > 3) {
                throw ImageDecodeException.malformed("JPEG: DAC table class " + tc + ", id " + tb);
            }
            if (tc == 0) {
                int l = cs & 15;
                int u = cs >> 4;
                if (l > u) {
                    throw ImageDecodeException.malformed("JPEG: DAC DC bounds L=" + l + " > U=" + u);
                }
                dcL[tb] = l;
                dcU[tb] = u;
            } else {
                if (cs < 1 || cs > 63) {
                    throw ImageDecodeException.malformed("JPEG: DAC AC Kx " + cs + " is not 1..63");
                }
                acK[tb] = cs;
            }
        }
    }

    /** DHT (T.81 B.2.4.2): one or more tables. */
    private void huffmanTables(ByteReader s) {
        while (s.hasRemaining()) {
            int tcth = s.u8("DHT class and id");
            int tc = tcth >> 4;
            int th = tcth & 15;
            if (tc > 1 || th > 3) {
                throw ImageDecodeException.malformed("JPEG: DHT table class " + tc + ", id " + th);
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = s.u8("DHT code counts");
                total += counts[i];
            }
            if (total > 256) {
                throw ImageDecodeException.malformed("JPEG: DHT declares " + total + " codes (at most 256)");
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = s.u8("DHT symbols");
            }
            JpegHuffmanTable t = new JpegHuffmanTable(counts, values);
            if (tc == 0) {
                dcTables[th] = t;
            } else {
                acTables[th] = t;
            }
        }
    }

    /** DQT (T.81 B.2.4.1): 8- or 16-bit entries in zig-zag order, stored here in natural order. */
    private void quantisationTables(ByteReader s) {
        while (s.hasRemaining()) {
            int pqtq = s.u8("DQT precision and id");
            int pq = pqtq >> 4;
            int tq = pqtq & 15;
            if (pq > 1 || tq > 3) {
                throw ImageDecodeException.malformed("JPEG: DQT precision " + pq + ", id " + tq);
            }
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[ZIGZAG[k]] = pq == 0 ? s.u8("DQT entries") : s.u16be("DQT entries");
            }
            quant[tq] = q;
        }
    }

    private int[] tableFor(Comp c) {
        if (quant[c.tq] == null) {
            throw ImageDecodeException.malformed("JPEG: component " + c.id + " uses quantisation table " + c.tq
                    + ", which no DQT defines");
        }
        return quant[c.tq];
    }

    // scan header state (T.81 B.2.3)
    private Comp[] scanComps;
    private int ss;
    private int se;
    private int ah;
    private int al;
    private int mode;
    private int eobRun;

    private void scan(ByteReader s, int start) {
        if (comps == null) {
            throw ImageDecodeException.malformed("JPEG: scan (SOS) at offset " + start + " before the frame header");
        }
        if (++scans > MAX_SCANS) {
            throw ImageDecodeException.malformed("JPEG: more than " + MAX_SCANS + " scans");
        }
        int n = s.u8("SOS components");
        if (n < 1 || n > 4 || s.remaining() != 2 * n + 3) {
            throw ImageDecodeException.malformed("JPEG: SOS at offset " + start + " has the wrong length for "
                    + n + " components");
        }
        scanComps = new Comp[n];
        int blocksPerMcu = 0;
        int[] td = new int[n];
        int[] ta = new int[n];
        for (int i = 0; i < n; i++) {
            int id = s.u8("SOS component id");
            int t = s.u8("SOS table ids");
            Comp c = null;
            for (Comp f : comps) {
                if (f.id == id) {
                    c = f;
                }
            }
            for (int j = 0; j < i; j++) {
                if (scanComps[j] == c) {
                    c = null;
                }
            }
            td[i] = t >> 4;
            ta[i] = t & 15;
            if (c == null || td[i] > 3 || ta[i] > 3) {
                throw ImageDecodeException.malformed("JPEG: SOS at offset " + start + " names component " + id
                        + " (unknown or repeated) or table ids " + td[i] + "/" + ta[i]);
            }
            scanComps[i] = c;
            blocksPerMcu += c.h * c.v;
        }
        ss = s.u8("SOS spectral start");
        se = s.u8("SOS spectral end");
        int a = s.u8("SOS approximation");
        ah = a >> 4;
        al = a & 15;
        if (n > 1 && blocksPerMcu > 10) {
            throw ImageDecodeException.malformed("JPEG: interleaved scan at offset " + start + " has "
                    + blocksPerMcu + " blocks per MCU (at most 10)");
        }
        if (!progressive) {
            mode = SEQUENTIAL;
        } else {
            boolean dc = ss == 0;
            if ((dc && se != 0) || (!dc && (se < ss || se > 63 || n != 1)) || ah > 13 || al > 13) {
                throw ImageDecodeException.malformed(String.format("JPEG: progressive scan at offset %d with"
                        + " spectral selection %d..%d, approximation %d/%d, %d components", start, ss, se, ah, al, n));
            }
            mode = dc ? (ah == 0 ? DC_FIRST : DC_REFINE) : (ah == 0 ? AC_FIRST : AC_REFINE);
        }
        for (int i = 0; i < n; i++) {
            Comp c = scanComps[i];
            c.dcId = td[i];
            c.acId = ta[i];
            if (arithmetic) {
                if (c.quant == null) {
                    c.quant = tableFor(c);
                }
                continue;
            }
            boolean needDc = mode == SEQUENTIAL || mode == DC_FIRST;
            boolean needAc = mode == SEQUENTIAL || mode == AC_FIRST || mode == AC_REFINE;
            c.dc = dcTables[td[i]];
            c.ac = acTables[ta[i]];
            if ((needDc && c.dc == null) || (needAc && c.ac == null)) {
                throw ImageDecodeException.malformed("JPEG: scan at offset " + start + " uses a Huffman table that"
                        + " no DHT defines");
            }
            if (c.quant == null) {
                c.quant = tableFor(c);
            }
        }
    }

    /** Reads one scan's MCUs, with restart intervals (T.81 E.2.4 and F.2.1.3). */
    private void decodeScan(JpegBitReader bits) {
        for (Comp c : scanComps) {
            c.pred = 0;
        }
        eobRun = 0;
        boolean single = scanComps.length == 1;
        Comp only = scanComps[0];
        int unitsWide = single ? only.blocksWide : mcusX;
        long units = single ? (long) only.blocksWide * only.blocksHigh : (long) mcusX * mcusY;
        int sinceRestart = 0;
        for (long u = 0; u < units; u++) {
            int ux = (int) (u % unitsWide);
            int uy = (int) (u / unitsWide);
            if (single) {
                decodeBlock(bits, only, ((long) uy * only.paddedWide + ux) * 64);
            } else {
                for (Comp c : scanComps) {
                    for (int by = 0; by < c.v; by++) {
                        for (int bx = 0; bx < c.h; bx++) {
                            long row = (long) uy * c.v + by;
                            long col = (long) ux * c.h + bx;
                            decodeBlock(bits, c, (row * c.paddedWide + col) * 64);
                        }
                    }
                }
            }
            checkData(bits);
            if (restartInterval > 0 && ++sinceRestart == restartInterval && u + 1 < units) {
                bits.restart();
                sinceRestart = 0;
                eobRun = 0;
                for (Comp c : scanComps) {
                    c.pred = 0;
                }
            }
        }
    }

    /** As {@link #decodeScan} for an arithmetic-coded scan: statistics start afresh per scan and per interval. */
    private void decodeArithmeticScan(JpegArithmeticDecoder dec) {
        resetArithmetic();
        boolean single = scanComps.length == 1;
        Comp only = scanComps[0];
        int unitsWide = single ? only.blocksWide : mcusX;
        long units = single ? (long) only.blocksWide * only.blocksHigh : (long) mcusX * mcusY;
        int sinceRestart = 0;
        for (long u = 0; u < units; u++) {
            int ux = (int) (u % unitsWide);
            int uy = (int) (u / unitsWide);
            if (single) {
                arithmeticBlock(dec, only, (int) (((long) uy * only.paddedWide + ux) * 64));
            } else {
                for (Comp c : scanComps) {
                    for (int by = 0; by < c.v; by++) {
                        for (int bx = 0; bx < c.h; bx++) {
                            long row = (long) uy * c.v + by;
                            long col = (long) ux * c.h + bx;
                            arithmeticBlock(dec, c, (int) ((row * c.paddedWide + col) * 64));
                        }
                    }
                }
            }
            if (restartInterval > 0 && ++sinceRestart == restartInterval && u + 1 < units) {
                dec.restart();
                resetArithmetic();
                sinceRestart = 0;
            }
        }
        if (dec.hitEndOfFile()) {
            throw new ImageDecodeException(ErrorCode.TRUNCATED,
                    "JPEG: the file ends inside the arithmetic-coded data of scan " + scans);
        }
    }

    private void resetArithmetic() {
        for (byte[] b : dcBins) {
            java.util.Arrays.fill(b, (byte) 0);
        }
        for (byte[] b : acBins) {
            java.util.Arrays.fill(b, (byte) 0);
        }
        for (Comp c : scanComps) {
            c.pred = 0;
            c.dcContext = 0;
        }
    }

    private void arithmeticBlock(JpegArithmeticDecoder dec, Comp c, int off) {
        short[] coef = c.coef;
        switch (mode) {
            case SEQUENTIAL -> {
                c.pred += arithmeticDc(dec, c);
                coef[off] = (short) c.pred;
                arithmeticAc(dec, c, coef, off, 1, 63, 0);
            }
            case DC_FIRST -> {
                c.pred += arithmeticDc(dec, c);
                coef[off] = (short) (c.pred << al);
            }
            case DC_REFINE -> {
                if (dec.decodeFixed() != 0) {
                    coef[off] |= (short) (1 << al);
                }
            }
            case AC_FIRST -> arithmeticAc(dec, c, coef, off, ss, se, al);
            default -> arithmeticAcRefine(dec, c, coef, off);
        }
    }

    /** DC difference (F.2.4.1 with the model of F.1.4.4.1): zero, sign, magnitude category, magnitude bits. */
    private int arithmeticDc(JpegArithmeticDecoder dec, Comp c) {
        byte[] st = dcBins[c.dcId];
        int s0 = c.dcContext;
        if (dec.decode(st, s0) == 0) {
            c.dcContext = 0;
            return 0;
        }
        int sign = dec.decode(st, s0 + 1);
        int s = s0 + 2 + sign;
        int m = dec.decode(st, s);
        if (m != 0) {
            s = 20; // X1
            while (dec.decode(st, s) != 0) {
                m <<= 1;
                if (m == 0x8000) {
                    throw ImageDecodeException.malformed("JPEG: arithmetic DC magnitude category above 15");
                }
                s++;
            }
        }
        // Table F.4: the category of this difference conditions the next one of the component
        if (m < (1 << dcL[c.dcId]) >> 1) {
            c.dcContext = 0;
        } else if (m > (1 << dcU[c.dcId]) >> 1) {
            c.dcContext = 12 + sign * 4;
        } else {
            c.dcContext = 4 + sign * 4;
        }
        return magnitude(dec, st, s + 14, m, sign);
    }

    /** The low bits of a magnitude whose top bit is {@code m} (F.24), plus one, signed. */
    private static int magnitude(JpegArithmeticDecoder dec, byte[] st, int s, int m, int sign) {
        int v = m;
        for (int bit = m >> 1; bit != 0; bit >>= 1) {
            if (dec.decode(st, s) != 0) {
                v |= bit;
            }
        }
        v += 1;
        return sign != 0 ? -v : v;
    }

    /** AC coefficients {@code from..to} of one block (F.2.4.2 with the model of F.1.4.4.2), scaled by {@code shift}. */
    private void arithmeticAc(JpegArithmeticDecoder dec, Comp c, short[] coef, int off, int from, int to, int shift) {
        byte[] st = acBins[c.acId];
        for (int k = from; k <= to; k++) {
            int s = 3 * (k - 1);
            if (dec.decode(st, s) != 0) {
                return; // end of block
            }
            while (dec.decode(st, s + 1) == 0) {
                s += 3;
                if (++k > to) {
                    throw ImageDecodeException.malformed("JPEG: arithmetic AC run past the scan's spectral band");
                }
            }
            int sign = dec.decodeFixed();
            s += 2;
            int m = dec.decode(st, s);
            if (m != 0 && dec.decode(st, s) != 0) {
                m <<= 1;
                s = k <= acK[c.acId] ? 189 : 217; // X2
                while (dec.decode(st, s) != 0) {
                    m <<= 1;
                    if (m == 0x8000) {
                        throw ImageDecodeException.malformed("JPEG: arithmetic AC magnitude category above 15");
                    }
                    s++;
                }
            }
            coef[off + ZIGZAG[k]] = (short) (magnitude(dec, st, s + 14, m, sign) << shift);
        }
    }

    /** AC refinement of one block (G.1.3.3): a bit for each coefficient already non-zero, new ones of +-1. */
    private void arithmeticAcRefine(JpegArithmeticDecoder dec, Comp c, short[] coef, int off) {
        byte[] st = acBins[c.acId];
        int p1 = 1 << al;
        int m1 = -1 << al;
        int lastBefore = se; // EOBx: the end of block of the earlier stages
        while (lastBefore > 0 && coef[off + ZIGZAG[lastBefore]] == 0) {
            lastBefore--;
        }
        for (int k = ss; k <= se; k++) {
            int s = 3 * (k - 1);
            if (k > lastBefore && dec.decode(st, s) != 0) {
                return;
            }
            while (true) {
                int z = off + ZIGZAG[k];
                if (coef[z] != 0) {
                    if (dec.decode(st, s + 2) != 0) {
                        coef[z] += (short) (coef[z] < 0 ? m1 : p1);
                    }
                    break;
                }
                if (dec.decode(st, s + 1) != 0) {
                    coef[z] = (short) (dec.decodeFixed() != 0 ? m1 : p1);
                    break;
                }
                s += 3;
                if (++k > se) {
                    throw ImageDecodeException.malformed("JPEG: arithmetic AC refinement past the scan's band");
                }
            }
        }
    }

    private void checkData(JpegBitReader bits) {
        if (bits.paddingConsumed() > PADDING_TOLERANCE_BITS) {
            if (bits.hitEndOfFile()) {
                throw new ImageDecodeException(ErrorCode.TRUNCATED,
                        "JPEG: the file ends inside the entropy-coded data of scan " + scans);
            }
            throw ImageDecodeException.malformed("JPEG: the entropy-coded data of scan " + scans
                    + " ends before its last block");
        }
    }

    private void decodeBlock(JpegBitReader bits, Comp c, long offset) {
        int off = (int) offset;
        short[] coef = c.coef;
        switch (mode) {
            case SEQUENTIAL -> {
                c.pred += dcDiff(bits, c.dc);
                coef[off] = (short) c.pred;
                JpegHuffmanTable ac = c.ac;
                for (int k = 1; k < 64; k++) {
                    int rs = ac.decode(bits);
                    int r = rs >> 4;
                    int s = rs & 15;
                    if (s == 0) {
                        if (r != 15) {
                            break;
                        }
                        k += 15;
                        continue;
                    }
                    k += r;
                    if (k > 63) {
                        throw ImageDecodeException.malformed("JPEG: run of zeros past coefficient 63");
                    }
                    coef[off + ZIGZAG[k]] = (short) extend(bits.bits(s), s);
                }
            }
            case DC_FIRST -> {
                c.pred += dcDiff(bits, c.dc);
                coef[off] = (short) (c.pred << al);
            }
            case DC_REFINE -> {
                if (bits.bit() != 0) {
                    coef[off] |= (short) (1 << al);
                }
            }
            case AC_FIRST -> acFirst(bits, c.ac, coef, off);
            default -> acRefine(bits, c.ac, coef, off);
        }
    }

    private static int dcDiff(JpegBitReader bits, JpegHuffmanTable dc) {
        int t = dc.decode(bits);
        if (t > 15) {
            throw ImageDecodeException.malformed("JPEG: DC difference category " + t);
        }
        return t == 0 ? 0 : extend(bits.bits(t), t);
    }

    /** T.81 F.2.2.1, EXTEND. */
    private static int extend(int v, int t) {
        return v < (1 << (t - 1)) ? v - (1 << t) + 1 : v;
    }

    /** AC first scan of one block (T.81 G.1.2.2), with end-of-band runs. */
    private void acFirst(JpegBitReader bits, JpegHuffmanTable ac, short[] coef, int off) {
        if (eobRun > 0) {
            eobRun--;
            return;
        }
        for (int k = ss; k <= se; k++) {
            int rs = ac.decode(bits);
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (r < 15) {
                    eobRun = (1 << r) - 1;
                    if (r > 0) {
                        eobRun += bits.bits(r);
                    }
                    return;
                }
                k += 15;
                continue;
            }
            k += r;
            if (k > se) {
                throw ImageDecodeException.malformed("JPEG: AC coefficient past the scan's spectral band");
            }
            coef[off + ZIGZAG[k]] = (short) (extend(bits.bits(s), s) << al);
        }
    }

    /** AC refinement scan of one block (T.81 G.1.2.3): correction bits for coefficients already non-zero. */
    private void acRefine(JpegBitReader bits, JpegHuffmanTable ac, short[] coef, int off) {
        int p1 = 1 << al;
        int m1 = -1 << al;
        int k = ss;
        if (eobRun == 0) {
            for (; k <= se; k++) {
                int rs = ac.decode(bits);
                int r = rs >> 4;
                int s = rs & 15;
                int value = 0;
                if (s != 0) {
                    if (s != 1) {
                        throw ImageDecodeException.malformed("JPEG: AC refinement with magnitude category " + s);
                    }
                    value = bits.bit() != 0 ? p1 : m1;
                } else if (r != 15) {
                    eobRun = 1 << r;
                    if (r > 0) {
                        eobRun += bits.bits(r);
                    }
                    break;
                }
                while (k <= se) {
                    int z = off + ZIGZAG[k];
                    if (coef[z] != 0) {
                        refine(bits, coef, z, p1, m1);
                    } else if (--r < 0) {
                        break;
                    }
                    k++;
                }
                if (value != 0) {
                    if (k > se) {
                        throw ImageDecodeException.malformed("JPEG: AC refinement past the scan's spectral band");
                    }
                    coef[off + ZIGZAG[k]] = (short) value;
                }
            }
        }
        if (eobRun > 0) {
            for (; k <= se; k++) {
                int z = off + ZIGZAG[k];
                if (coef[z] != 0) {
                    refine(bits, coef, z, p1, m1);
                }
            }
            eobRun--;
        }
    }

    private static void refine(JpegBitReader bits, short[] coef, int z, int p1, int m1) {
        if (bits.bit() != 0 && (coef[z] & p1) == 0) {
            coef[z] += (short) (coef[z] >= 0 ? p1 : m1);
        }
    }

    /** The component's coefficients on its own block grid, without the MCU padding. */
    private static short[] compact(Comp c) {
        if (c.paddedWide == c.blocksWide && c.paddedHigh == c.blocksHigh) {
            return c.coef;
        }
        short[] out = new short[c.blocksWide * c.blocksHigh * 64];
        for (int by = 0; by < c.blocksHigh; by++) {
            System.arraycopy(c.coef, by * c.paddedWide * 64, out, by * c.blocksWide * 64, c.blocksWide * 64);
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static String sofName(int marker) {
        return switch (marker) {
            case 0xC3 -> "lossless";
            case 0xC5, 0xC6, 0xC7 -> "hierarchical";
            case 0xC9, 0xCA -> "arithmetic coding";
            case 0xCB -> "lossless, arithmetic coding";
            default -> "hierarchical, arithmetic coding";
        };
    }
}
