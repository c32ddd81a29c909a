package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;

/**
 * A lossless WebP (VP8L) decoder written from the format specification (RFC 9649): transforms (predictor,
 * cross-colour, subtract-green, colour indexing with pixel bundling), colour cache, meta prefix codes, LZ77
 * backward references. Gives the exact stored ARGB values. Every read is bounds-checked; invalid streams fail with
 * MALFORMED or TRUNCATED.
 */
final class Vp8lDecoder {
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final int NUM_LENGTH_CODES = 24;
    private static final int NUM_DISTANCE_CODES = 40;
    private static final int[] DISTANCE_MAP = {
        0, 1, 1, 0, 1, 1, -1, 1, 0, 2, 2, 0, 1, 2, -1, 2, 2, 1, -2, 1, 2, 2, -2, 2, 0, 3, 3, 0, 1, 3, -1, 3, 3, 1,
        -3, 1, 2, 3, -2, 3, 3, 2, -3, 2, 0, 4, 4, 0, 1, 4, -1, 4, 4, 1, -4, 1, 3, 3, -3, 3, 2, 4, -2, 4, 4, 2, -4, 2,
        0, 5, 3, 4, -3, 4, 4, 3, -4, 3, 5, 0, 1, 5, -1, 5, 5, 1, -5, 1, 2, 5, -2, 5, 5, 2, -5, 2, 4, 4, -4, 4, 3, 5,
        -3, 5, 5, 3, -5, 3, 0, 6, 6, 0, 1, 6, -1, 6, 6, 1, -6, 1, 2, 6, -2, 6, 6, 2, -6, 2, 4, 5, -4, 5, 5, 4, -5, 4,
        3, 6, -3, 6, 6, 3, -6, 3, 0, 7, 7, 0, 1, 7, -1, 7, 5, 5, -5, 5, 7, 1, -7, 1, 4, 6, -4, 6, 6, 4, -6, 4, 2, 7,
        -2, 7, 7, 2, -7, 2, 3, 7, -3, 7, 7, 3, -7, 3, 5, 6, -5, 6, 6, 5, -6, 5, 8, 0, 4, 7, -4, 7, 7, 4, -7, 4, 8, 1,
        8, 2, 6, 6, -6, 6, 8, 3, 5, 7, -5, 7, 7, 5, -7, 5, 8, 4, 6, 7, -6, 7, 7, 6, -7, 6, 8, 5, 7, 7, -7, 7, 8, 6,
        8, 7};

    private final BitReader in;

    private Vp8lDecoder(byte[] data, int offset, int length) {
        this.in = new BitReader(data, offset, length);
    }

    /** The decoded image: width, height and ARGB pixels, row-major. */
    record Argb(int width, int height, boolean alphaUsed, int[] pixels) {
    }

    /** Decodes a VP8L chunk payload. {@code maxPixels} bounds every image it allocates. */
    static Argb decode(byte[] data, int offset, int length, long maxPixels) {
        try {
            return new Vp8lDecoder(data, offset, length).decodeImage(maxPixels);
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            // every index is checked above; this is the last line for a stream that still lies
            throw ImageDecodeException.malformed("VP8L: inconsistent stream: " + e.getMessage());
        }
    }

    private Argb decodeImage(long maxPixels) {
        if (in.read(8) != 0x2F) {
            throw ImageDecodeException.malformed("VP8L: bad signature");
        }
        int width = in.read(14) + 1;
        int height = in.read(14) + 1;
        boolean alpha = in.read(1) == 1;
        if (in.read(3) != 0) {
            throw ImageDecodeException.malformed("VP8L: unknown version");
        }
        if ((long) width * height > maxPixels) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "VP8L: " + width + "x" + height + " above the limit");
        }
        Transform[] transforms = new Transform[4];
        int count = 0;
        int codedWidth = width;
        boolean[] seen = new boolean[4];
        while (in.read(1) == 1) {
            int type = in.read(2);
            if (seen[type]) {
                throw ImageDecodeException.malformed("VP8L: transform " + type + " used twice");
            }
            seen[type] = true;
            Transform t = readTransform(type, codedWidth, height);
            transforms[count++] = t;
            if (type == 3) {
                codedWidth = subSample(codedWidth, t.bits);
            }
        }
        int[] pixels = decodeEntropyImage(codedWidth, height, true);
        in.checkNotOverrun();
        for (int i = count - 1; i >= 0; i--) {
            pixels = transforms[i].inverse(pixels, height);
        }
        return new Argb(width, height, alpha, pixels);
    }

    private static int subSample(int size, int bits) {
        return (size + (1 << bits) - 1) >> bits;
    }

    private Transform readTransform(int type, int width, int height) {
        switch (type) {
            case 0, 1 -> {
                int bits = in.read(3) + 2;
                int[] image = decodeEntropyImage(subSample(width, bits), subSample(height, bits), false);
                return new Transform(type, width, bits, image);
            }
            case 2 -> {
                return new Transform(type, width, 0, null);
            }
            default -> {
                int size = in.read(8) + 1;
                int[] table = decodeEntropyImage(size, 1, false);
                for (int i = 1; i < size; i++) {
                    table[i] = addPixels(table[i], table[i - 1]);
                }
                int bits = size <= 2 ? 3 : size <= 4 ? 2 : size <= 16 ? 1 : 0;
                int[] full = new int[256];
                System.arraycopy(table, 0, full, 0, size);
                return new Transform(type, width, bits, full);
            }
        }
    }

    /** An entropy-coded image: the main image (which may use meta prefix codes) or a sub-image of a transform. */
    private int[] decodeEntropyImage(int width, int height, boolean main) {
        int cacheBits = 0;
        if (in.read(1) == 1) {
            cacheBits = in.read(4);
            if (cacheBits < 1 || cacheBits > 11) {
                throw ImageDecodeException.malformed("VP8L: colour cache bits " + cacheBits);
            }
        }
        int prefixBits = 0;
        int[] entropy = null;
        int groups = 1;
        if (main && in.read(1) == 1) {
            prefixBits = in.read(3) + 2;
            entropy = decodeEntropyImage(subSample(width, prefixBits), subSample(height, prefixBits), false);
            for (int e : entropy) {
                groups = Math.max(groups, ((e >> 8) & 0xFFFF) + 1);
            }
        }
        int cacheSize = cacheBits > 0 ? 1 << cacheBits : 0;
        PrefixCode[][] codes = new PrefixCode[groups][];
        for (int g = 0; g < groups; g++) {
            codes[g] = new PrefixCode[] {
                readPrefixCode(256 + NUM_LENGTH_CODES + cacheSize),
                readPrefixCode(256), readPrefixCode(256), readPrefixCode(256), readPrefixCode(NUM_DISTANCE_CODES)};
        }
        int[] cache = cacheSize > 0 ? new int[cacheSize] : null;
        int total = width * height;
        int[] out = new int[total];
        int entropyWidth = entropy == null ? 0 : subSample(width, prefixBits);
        int pos = 0;
        while (pos < total) {
            int start = pos;
            PrefixCode[] group = codes[0];
            if (entropy != null) {
                int x = pos % width;
                int y = pos / width;
                group = codes[(entropy[(y >> prefixBits) * entropyWidth + (x >> prefixBits)] >> 8) & 0xFFFF];
            }
            int s = group[0].read(in);
            if (s < 256) {
                int red = group[1].read(in);
                int blue = group[2].read(in);
                int alpha = group[3].read(in);
                out[pos++] = (alpha << 24) | (red << 16) | (s << 8) | blue;
            } else if (s < 256 + NUM_LENGTH_CODES) {
                int length = prefixValue(s - 256);
                int distSymbol = group[4].read(in);
                int distCode = prefixValue(distSymbol);
                int dist;
                if (distCode > 120) {
                    dist = distCode - 120;
                } else {
                    int xi = DISTANCE_MAP[2 * (distCode - 1)];
                    int yi = DISTANCE_MAP[2 * (distCode - 1) + 1];
                    dist = Math.max(1, xi + yi * width);
                }
                if (dist > pos || length > total - pos) {
                    throw ImageDecodeException.malformed("VP8L: backward reference of " + length + " at distance "
                            + dist + " from pixel " + pos + " of " + total);
                }
                for (int k = 0; k < length; k++, pos++) {
                    out[pos] = out[pos - dist];
                }
            } else {
                int index = s - 256 - NUM_LENGTH_CODES;
                if (cache == null || index >= cache.length) {
                    throw ImageDecodeException.malformed("VP8L: colour cache index " + index);
                }
                out[pos++] = cache[index];
            }
            if (cache != null) {
                for (int k = start; k < pos; k++) {
                    cache[(0x1E35A7BD * out[k]) >>> (32 - cacheBits)] = out[k];
                }
            }
        }
        return out;
    }

    /** Length and distance values: prefix code plus extra bits. */
    private int prefixValue(int prefix) {
        if (prefix < 4) {
            return prefix + 1;
        }
        int extra = (prefix - 2) >> 1;
        int offset = (2 + (prefix & 1)) << extra;
        return offset + in.read(extra) + 1;
    }

    private PrefixCode readPrefixCode(int alphabet) {
        int[] lengths = new int[alphabet];
        if (in.read(1) == 1) {
            int symbols = in.read(1) + 1;
            int first = in.read(in.read(1) == 0 ? 1 : 8);
            if (first >= alphabet) {
                throw ImageDecodeException.malformed("VP8L: simple code symbol " + first + " past " + alphabet);
            }
            lengths[first] = 1;
            if (symbols == 2) {
                int second = in.read(8);
                if (second >= alphabet) {
                    throw ImageDecodeException.malformed("VP8L: simple code symbol " + second + " past " + alphabet);
                }
                lengths[second] = 1;
            }
            return PrefixCode.of(lengths);
        }
        int[] clLengths = new int[19];
        int n = in.read(4) + 4;
        for (int i = 0; i < n; i++) {
            clLengths[CODE_LENGTH_ORDER[i]] = in.read(3);
        }
        PrefixCode cl = PrefixCode.of(clLengths);
        int maxSymbol = alphabet;
        if (in.read(1) == 1) {
            int bits = 2 + 2 * in.read(3);
            maxSymbol = 2 + in.read(bits);
            if (maxSymbol > alphabet) {
                throw ImageDecodeException.malformed("VP8L: max_symbol " + maxSymbol + " past " + alphabet);
            }
        }
        int symbol = 0;
        int previous = 8;
        while (symbol < alphabet) {
            if (maxSymbol-- == 0) {
                break;
            }
            int code = cl.read(in);
            if (code < 16) {
                lengths[symbol++] = code;
                if (code != 0) {
                    previous = code;
                }
                continue;
            }
            int repeat = code == 16 ? 3 + in.read(2) : code == 17 ? 3 + in.read(3) : 11 + in.read(7);
            if (symbol + repeat > alphabet) {
                throw ImageDecodeException.malformed("VP8L: code length repeat past the alphabet");
            }
            int value = code == 16 ? previous : 0;
            for (int k = 0; k < repeat; k++) {
                lengths[symbol++] = value;
            }
        }
        return PrefixCode.of(lengths);
    }

    static int addPixels(int a, int b) {
        int ag = (a & 0xFF00FF00) + (b & 0xFF00FF00);
        int rb = (a & 0x00FF00FF) + (b & 0x00FF00FF);
        return (ag & 0xFF00FF00) | (rb & 0x00FF00FF);
    }

    private static int average2(int a, int b) {
        return (((a ^ b) & 0xFEFEFEFE) >>> 1) + (a & b);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static int select(int l, int t, int tl) {
        int pl = 0;
        int pt = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int cl = (l >>> shift) & 0xFF;
            int ct = (t >>> shift) & 0xFF;
            int ctl = (tl >>> shift) & 0xFF;
            pl += Math.abs(ct - ctl);
            pt += Math.abs(cl - ctl);
        }
        return pl < pt ? l : t;
    }

    private static int clampAddSubtractFull(int a, int b, int c) {
        int out = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            out |= clamp(((a >>> shift) & 0xFF) + ((b >>> shift) & 0xFF) - ((c >>> shift) & 0xFF)) << shift;
        }
        return out;
    }

    private static int clampAddSubtractHalf(int a, int b) {
        int out = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int ca = (a >>> shift) & 0xFF;
            int cb = (b >>> shift) & 0xFF;
            out |= clamp(ca + (ca - cb) / 2) << shift;
        }
        return out;
    }

    private static int predict(int mode, int l, int t, int tr, int tl) {
        return switch (mode) {
            case 1 -> l;
            case 2 -> t;
            case 3 -> tr;
            case 4 -> tl;
            case 5 -> average2(average2(l, tr), t);
            case 6 -> average2(l, tl);
            case 7 -> average2(l, t);
            case 8 -> average2(tl, t);
            case 9 -> average2(t, tr);
            case 10 -> average2(average2(l, tl), average2(t, tr));
            case 11 -> select(l, t, tl);
            case 12 -> clampAddSubtractFull(l, t, tl);
            case 13 -> clampAddSubtractHalf(average2(l, t), tl);
            default -> 0xFF000000;
        };
    }

    private static int colorDelta(int t, int c) {
        return ((byte) t * (byte) c) >> 5;
    }

    /** One transform as read, with the width it was read at. */
    private record Transform(int type, int width, int bits, int[] data) {

        int[] inverse(int[] pixels, int height) {
            return switch (type) {
                case 0 -> predictor(pixels, height);
                case 1 -> crossColor(pixels, height);
                case 2 -> subtractGreen(pixels);
                default -> colorIndexing(pixels, height);
            };
        }

        private int[] predictor(int[] p, int height) {
            int w = width;
            int blocksWide = subSample(w, bits);
            p[0] = addPixels(p[0], 0xFF000000);
            for (int x = 1; x < w; x++) {
                p[x] = addPixels(p[x], p[x - 1]);
            }
            for (int y = 1; y < height; y++) {
                int row = y * w;
                p[row] = addPixels(p[row], p[row - w]);
                for (int x = 1; x < w; x++) {
                    int i = row + x;
                    int mode = (data[(y >> bits) * blocksWide + (x >> bits)] >> 8) & 0xF;
                    int pred = predict(mode, p[i - 1], p[i - w], p[i - w + 1], p[i - w - 1]);
                    p[i] = addPixels(p[i], pred);
                }
            }
            return p;
        }

        private int[] crossColor(int[] p, int height) {
            int blocksWide = subSample(width, bits);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    int e = data[(y >> bits) * blocksWide + (x >> bits)];
                    int g2r = e & 0xFF;
                    int g2b = (e >> 8) & 0xFF;
                    int r2b = (e >> 16) & 0xFF;
                    int argb = p[i];
                    int green = (argb >> 8) & 0xFF;
                    int red = ((argb >> 16) + colorDelta(g2r, green)) & 0xFF;
                    int blue = (argb + colorDelta(g2b, green) + colorDelta(r2b, red)) & 0xFF;
                    p[i] = (argb & 0xFF00FF00) | (red << 16) | blue;
                }
            }
            return p;
        }

        private static int[] subtractGreen(int[] p) {
            for (int i = 0; i < p.length; i++) {
                int g = (p[i] >> 8) & 0xFF;
                p[i] = addPixels(p[i], (g << 16) | g);
            }
            return p;
        }

        private int[] colorIndexing(int[] packed, int height) {
            int[] out = new int[width * height];
            int packedWidth = subSample(width, bits);
            int bitsPerPixel = 8 >> bits;
            int mask = (1 << bitsPerPixel) - 1;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int green = (packed[y * packedWidth + (x >> bits)] >> 8) & 0xFF;
                    int index = bits == 0 ? green : (green >> ((x & ((1 << bits) - 1)) * bitsPerPixel)) & mask;
                    out[y * width + x] = data[index];
                }
            }
            return out;
        }
    }

    /** A canonical prefix code: a 10-bit lookup table for short codes, a canonical walk for longer ones. */
    private static final class PrefixCode {
        private static final int ROOT = 10;
        private final int single;          // >= 0: the only symbol, read with zero bits
        private final int[] table;         // (symbol << 4) | length for codes up to ROOT bits, -1 otherwise
        private final int[] firstCode = new int[16];
        private final int[] firstIndex = new int[16];
        private final int[] countPerLength = new int[16];
        private final int[] sorted;

        private PrefixCode(int single, int[] table, int[] sorted) {
            this.single = single;
            this.table = table;
            this.sorted = sorted;
        }

        static PrefixCode of(int[] lengths) {
            int used = 0;
            int last = 0;
            int[] count = new int[16];
            for (int s = 0; s < lengths.length; s++) {
                if (lengths[s] > 0) {
                    used++;
                    last = s;
                    count[lengths[s]]++;
                }
            }
            if (used == 0) {
                throw ImageDecodeException.malformed("VP8L: prefix code with no symbols");
            }
            if (used == 1) {
                return new PrefixCode(last, null, null);
            }
            long kraft = 0;
            for (int len = 1; len < 16; len++) {
                kraft += (long) count[len] << (15 - len);
            }
            if (kraft != 1L << 15) {
                throw ImageDecodeException.malformed("VP8L: prefix code is not complete");
            }
            int[] sorted = new int[used];
            int[] offsets = new int[16];
            for (int len = 2; len < 16; len++) {
                offsets[len] = offsets[len - 1] + count[len - 1];
            }
            int[] fill = offsets.clone();
            for (int s = 0; s < lengths.length; s++) {
                if (lengths[s] > 0) {
                    sorted[fill[lengths[s]]++] = s;
                }
            }
            int[] table = new int[1 << ROOT];
            java.util.Arrays.fill(table, -1);
            PrefixCode pc = new PrefixCode(-1, table, sorted);
            int code = 0;
            for (int len = 1; len < 16; len++) {
                pc.firstCode[len] = code;
                pc.firstIndex[len] = offsets[len];
                pc.countPerLength[len] = count[len];
                if (len <= ROOT) {
                    for (int k = 0; k < count[len]; k++) {
                        int symbol = sorted[offsets[len] + k];
                        int reversed = Integer.reverse(code + k) >>> (32 - len);
                        for (int fillIndex = reversed; fillIndex < (1 << ROOT); fillIndex += 1 << len) {
                            table[fillIndex] = (symbol << 4) | len;
                        }
                    }
                }
                code = (code + count[len]) << 1;
            }
            return pc;
        }

        int read(BitReader in) {
            if (single >= 0) {
                return single;
            }
            int entry = table[in.peek(ROOT)];
            if (entry >= 0) {
                in.skip(entry & 0xF);
                return entry >>> 4;
            }
            int code = 0;
            for (int len = 1; len < 16; len++) {
                code = (code << 1) | in.read(1);
                int delta = code - firstCode[len];
                if (delta >= 0 && delta < countPerLength[len]) {
                    return sorted[firstIndex[len] + delta];
                }
            }
            throw ImageDecodeException.malformed("VP8L: invalid prefix code");
        }
    }

    /** LSB-first bits over a byte range; reading past the end is TRUNCATED. */
    private static final class BitReader {
        private final byte[] data;
        private final int end;
        private int next;
        private long buffer;
        private int count;
        private int overrun;
        private long consumed;
        private final long available;

        BitReader(byte[] data, int offset, int length) {
            this.data = data;
            this.next = offset;
            this.end = offset + length;
            this.available = 8L * length;
        }

        /** Fails with TRUNCATED when the decoder used more bits than the stream has. */
        void checkNotOverrun() {
            if (consumed > available) {
                throw new ImageDecodeException(ErrorCode.TRUNCATED, "VP8L: bitstream ends early");
            }
        }

        private void fill() {
            while (count <= 56) {
                if (next < end) {
                    buffer |= (long) (data[next++] & 0xFF) << count;
                } else {
                    overrun++;
                    if (overrun > 64) {
                        throw new ImageDecodeException(ErrorCode.TRUNCATED, "VP8L: bitstream ends early");
                    }
                }
                count += 8;
            }
        }

        int peek(int n) {
            if (count < n) {
                fill();
            }
            return (int) (buffer & ((1L << n) - 1));
        }

        void skip(int n) {
            buffer >>>= n;
            count -= n;
            consumed += n;
        }

        int read(int n) {
            if (n == 0) {
                return 0;
            }
            int v = peek(n);
            skip(n);
            return v;
        }
    }
}
