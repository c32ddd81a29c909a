package dev.starlight.codecs.image;

import java.util.Arrays;

/**
 * A minimal lossless WebP (VP8L) encoder: the subtract-green transform, no colour cache, no backward
 * references, one group of five prefix codes built from the symbol histograms (length-limited to 15 bits,
 * code lengths sent with the code-length code). Exact by construction; compression is modest.
 *
 * <p>Prefix codes with one or two used symbols are sent as "simple" codes: a single symbol then costs zero
 * bits, which is how decoders read a one-symbol code, so the encoder never writes bits the decoder skips.
 */
final class Vp8lEncoder {
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final int GREEN_ALPHABET = 256 + 24;
    private static final int MIN_LENGTH = 16;

    private Vp8lEncoder() {
    }

    /**
     * The VP8L bitstream (without chunk header) of {@code argb} (0xAARRGGBB, row-major).
     *
     * @param alphaUsed the header's alpha_is_used bit
     */
    static byte[] encode(int[] argb, int width, int height, boolean alphaUsed) {
        if (width < 1 || height < 1 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("VP8L sizes are 1..16384, not " + width + "x" + height);
        }
        int n = width * height;
        int[] g = new int[n];
        int[] r = new int[n];
        int[] b = new int[n];
        int[] a = new int[n];
        int[][] hist = new int[5][];
        hist[0] = new int[GREEN_ALPHABET];
        hist[1] = new int[256];
        hist[2] = new int[256];
        hist[3] = new int[256];
        hist[4] = new int[40];
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            int green = (p >>> 8) & 0xFF;
            g[i] = green;
            r[i] = (((p >>> 16) & 0xFF) - green) & 0xFF;
            b[i] = ((p & 0xFF) - green) & 0xFF;
            a[i] = p >>> 24;
            hist[0][g[i]]++;
            hist[1][r[i]]++;
            hist[2][b[i]]++;
            hist[3][a[i]]++;
        }
        BitWriter out = new BitWriter(n + 1024);
        out.write(0x2F, 8);
        out.write(width - 1, 14);
        out.write(height - 1, 14);
        out.write(alphaUsed ? 1 : 0, 1);
        out.write(0, 3);
        out.write(1, 1); // a transform follows
        out.write(2, 2); // SUBTRACT_GREEN
        out.write(0, 1); // no more transforms
        out.write(0, 1); // no colour cache
        out.write(0, 1); // no meta prefix codes
        int[][] codes = new int[5][];
        int[][] lengths = new int[5][];
        for (int k = 0; k < 5; k++) {
            lengths[k] = writePrefixCode(out, hist[k]);
            codes[k] = canonicalCodes(lengths[k]);
        }
        for (int i = 0; i < n; i++) {
            out.writeCode(codes[0][g[i]], lengths[0][g[i]]);
            out.writeCode(codes[1][r[i]], lengths[1][r[i]]);
            out.writeCode(codes[2][b[i]], lengths[2][b[i]]);
            out.writeCode(codes[3][a[i]], lengths[3][a[i]]);
        }
        return out.toByteArray();
    }

    /** Writes one prefix code for {@code hist} and returns the code length of every symbol (0 = no bits). */
    private static int[] writePrefixCode(BitWriter out, int[] hist) {
        int used = 0;
        int[] symbols = new int[2];
        for (int s = 0; s < hist.length; s++) {
            if (hist[s] > 0) {
                if (used < 2) {
                    symbols[used] = s;
                }
                used++;
            }
        }
        int[] lengths = new int[hist.length];
        if (used <= 2 && symbols[0] < 256 && (used < 2 || symbols[1] < 256)) {
            out.write(1, 1); // simple code
            if (used <= 1) {
                int s = used == 0 ? 0 : symbols[0];
                out.write(0, 1); // one symbol
                if (s < 2) {
                    out.write(0, 1);
                    out.write(s, 1);
                } else {
                    out.write(1, 1);
                    out.write(s, 8);
                }
                // a single symbol is coded with zero bits
            } else {
                out.write(1, 1); // two symbols
                out.write(1, 1);
                out.write(symbols[0], 8);
                out.write(symbols[1], 8);
                lengths[symbols[0]] = 1;
                lengths[symbols[1]] = 1;
            }
            return lengths;
        }
        int[] len = huffmanLengths(hist, 15);
        out.write(0, 1); // normal code
        // run-length code the lengths with the code-length alphabet (0..15 literal, 16 repeat, 17/18 zeros)
        int[] tokens = new int[hist.length];
        int[] extras = new int[hist.length];
        int count = 0;
        int i = 0;
        while (i < len.length) {
            int v = len[i];
            int run = 1;
            while (i + run < len.length && len[i + run] == v) {
                run++;
            }
            if (v == 0) {
                int left = run;
                while (left > 0) {
                    if (left >= 11) {
                        int take = Math.min(left, 138);
                        tokens[count] = 18;
                        extras[count++] = take - 11;
                        left -= take;
                    } else if (left >= 3) {
                        tokens[count] = 17;
                        extras[count++] = left - 3;
                        left = 0;
                    } else {
                        tokens[count++] = 0;
                        left--;
                    }
                }
            } else {
                tokens[count++] = v; // literal first, then repeats of the value just written
                int left = run - 1;
                while (left > 0) {
                    if (left >= 3) {
                        int take = Math.min(left, 6);
                        tokens[count] = 16;
                        extras[count++] = take - 3;
                        left -= take;
                    } else {
                        tokens[count++] = v;
                        left--;
                    }
                }
            }
            i += run;
        }
        int[] clHist = new int[19];
        for (int t = 0; t < count; t++) {
            clHist[tokens[t]]++;
        }
        int clUsed = 0;
        for (int c : clHist) {
            clUsed += c > 0 ? 1 : 0;
        }
        if (clUsed < 2) {
            // a one-symbol code-length code would be read with zero bits: give it a second symbol
            clHist[clHist[0] == 0 ? 0 : 1] = 1;
        }
        int[] clLen = huffmanLengths(clHist, 7);
        int[] clCodes = canonicalCodes(clLen);
        int num = 19;
        while (num > 4 && clLen[CODE_LENGTH_ORDER[num - 1]] == 0) {
            num--;
        }
        out.write(num - 4, 4);
        for (int k = 0; k < num; k++) {
            out.write(clLen[CODE_LENGTH_ORDER[k]], 3);
        }
        out.write(0, 1); // max_symbol = alphabet size
        for (int t = 0; t < count; t++) {
            int tok = tokens[t];
            out.writeCode(clCodes[tok], clLen[tok]);
            if (tok == 16) {
                out.write(extras[t], 2);
            } else if (tok == 17) {
                out.write(extras[t], 3);
            } else if (tok == 18) {
                out.write(extras[t], 7);
            }
        }
        return len;
    }

    /** Huffman code lengths of at most {@code maxLength} bits for the symbols with a non-zero count. */
    static int[] huffmanLengths(int[] hist, int maxLength) {
        int[] counts = hist.clone();
        while (true) {
            int[] len = unlimitedLengths(counts);
            int max = 0;
            for (int l : len) {
                max = Math.max(max, l);
            }
            if (max <= maxLength) {
                return len;
            }
            // flatten the distribution and try again (keeps every used symbol non-zero)
            for (int s = 0; s < counts.length; s++) {
                if (counts[s] > 0) {
                    counts[s] = (counts[s] >> 1) | 1;
                }
            }
        }
    }

    private static int[] unlimitedLengths(int[] counts) {
        int n = counts.length;
        int used = 0;
        for (int c : counts) {
            used += c > 0 ? 1 : 0;
        }
        int[] len = new int[n];
        if (used == 0) {
            return len;
        }
        if (used == 1) {
            for (int s = 0; s < n; s++) {
                if (counts[s] > 0) {
                    len[s] = 1;
                }
            }
            return len;
        }
        // nodes 0..n-1 are leaves, n.. are internal; a simple O(k^2) merge is fine for <= 280 symbols
        long[] weight = new long[2 * n];
        int[] parent = new int[2 * n];
        boolean[] alive = new boolean[2 * n];
        Arrays.fill(parent, -1);
        for (int s = 0; s < n; s++) {
            if (counts[s] > 0) {
                weight[s] = counts[s];
                alive[s] = true;
            }
        }
        int next = n;
        for (int merges = 0; merges < used - 1; merges++) {
            int m1 = -1;
            int m2 = -1;
            for (int k = 0; k < next; k++) {
                if (!alive[k]) {
                    continue;
                }
                if (m1 < 0 || weight[k] < weight[m1]) {
                    m2 = m1;
                    m1 = k;
                } else if (m2 < 0 || weight[k] < weight[m2]) {
                    m2 = k;
                }
            }
            alive[m1] = false;
            alive[m2] = false;
            weight[next] = weight[m1] + weight[m2];
            alive[next] = true;
            parent[m1] = next;
            parent[m2] = next;
            next++;
        }
        for (int s = 0; s < n; s++) {
            if (counts[s] > 0) {
                int depth = 0;
                for (int p = s; parent[p] >= 0; p = parent[p]) {
                    depth++;
                }
                len[s] = depth;
            }
        }
        return len;
    }

    /** Canonical codes (by length, then symbol), bit-reversed for an LSB-first writer. */
    static int[] canonicalCodes(int[] lengths) {
        int[] blCount = new int[16];
        for (int l : lengths) {
            if (l > 0) {
                blCount[l]++;
            }
        }
        int[] nextCode = new int[16];
        int code = 0;
        for (int bits = 1; bits < 16; bits++) {
            nextCode[bits] = code;
            code = (code + blCount[bits]) << 1;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            int l = lengths[s];
            if (l > 0) {
                codes[s] = Integer.reverse(nextCode[l]++) >>> (32 - l);
            }
        }
        return codes;
    }

    /** LSB-first bit writer. */
    private static final class BitWriter {
        private byte[] buf;
        private int pos;
        private long acc;
        private int bits;

        BitWriter(int capacity) {
            buf = new byte[Math.max(64, capacity)];
        }

        void write(int value, int count) {
            acc |= ((long) value & ((1L << count) - 1)) << bits;
            bits += count;
            while (bits >= 8) {
                if (pos == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length + (buf.length >> 1) + 64);
                }
                buf[pos++] = (byte) acc;
                acc >>>= 8;
                bits -= 8;
            }
        }

        void writeCode(int reversedCode, int length) {
            if (length > 0) {
                write(reversedCode, length);
            }
        }

        /**
         * The bytes written, at least {@link #MIN_LENGTH} (zero bytes after the end of the data are ignored by
         * decoders; TwelveMonkeys' reader reads ahead and fails on the shortest streams without them).
         */
        byte[] toByteArray() {
            if (bits > 0) {
                write(0, 8 - bits);
            }
            return Arrays.copyOf(buf, Math.max(pos, MIN_LENGTH));
        }
    }
}
