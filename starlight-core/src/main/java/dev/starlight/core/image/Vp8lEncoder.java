package dev.starlight.core.image;

import java.io.ByteArrayOutputStream;
import java.util.PriorityQueue;

/**
 * A minimal lossless WebP (VP8L) encoder: no transforms, no colour cache, no backward references; every pixel is
 * four literals (green, red, blue, alpha) under five canonical prefix codes built from the image's histograms.
 * Files are larger than libwebp's but exact, which is all the embedders need.
 */
final class Vp8lEncoder {
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final int GREEN_ALPHABET = 256 + 24;

    private Vp8lEncoder() {
    }

    /** The VP8L bitstream (chunk payload) for ARGB pixels, row-major. */
    static byte[] encode(int width, int height, int[] argb, boolean alphaUsed) {
        if (width < 1 || height < 1 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("VP8L size must be 1..16384 per side: " + width + "x" + height);
        }
        int[][] histograms = new int[5][];
        histograms[0] = new int[GREEN_ALPHABET];
        histograms[1] = new int[256];
        histograms[2] = new int[256];
        histograms[3] = new int[256];
        histograms[4] = new int[40];
        for (int p : argb) {
            histograms[0][(p >>> 8) & 0xFF]++;
            histograms[1][(p >>> 16) & 0xFF]++;
            histograms[2][p & 0xFF]++;
            histograms[3][p >>> 24]++;
        }
        histograms[4][0] = 1;
        BitWriter out = new BitWriter();
        out.write(0x2F, 8);
        out.write(width - 1, 14);
        out.write(height - 1, 14);
        out.write(alphaUsed ? 1 : 0, 1);
        out.write(0, 3);
        out.write(0, 1); // no transform
        out.write(0, 1); // no colour cache
        out.write(0, 1); // no meta prefix codes
        int[][] lengths = new int[5][];
        int[][] codes = new int[5][];
        for (int i = 0; i < 5; i++) {
            lengths[i] = writePrefixCode(out, histograms[i]);
            codes[i] = canonicalCodes(lengths[i]);
        }
        int[] channelOrder = {8, 16, 0, 24}; // green, red, blue, alpha
        for (int p : argb) {
            for (int k = 0; k < 4; k++) {
                int symbol = (p >>> channelOrder[k]) & 0xFF;
                int len = lengths[k][symbol];
                if (len > 0) {
                    out.write(reverse(codes[k][symbol], len), len);
                }
            }
        }
        return out.finish();
    }

    /**
     * Writes one prefix code and returns the code length per symbol (0 for a symbol coded with zero bits).
     * One used symbol: a simple code, which costs no bits per symbol. Otherwise a normal code whose lengths are
     * sent with the code-length code.
     */
    private static int[] writePrefixCode(BitWriter out, int[] histogram) {
        int used = 0;
        int only = 0;
        for (int s = 0; s < histogram.length; s++) {
            if (histogram[s] > 0) {
                used++;
                only = s;
            }
        }
        if (used <= 1) {
            out.write(1, 1); // simple
            out.write(0, 1); // one symbol
            if (only <= 1) {
                out.write(0, 1);
                out.write(only, 1);
            } else {
                out.write(1, 1);
                out.write(only, 8);
            }
            return new int[histogram.length];
        }
        int[] lengths = huffmanLengths(histogram, 15);
        int[] clHistogram = new int[19];
        for (int len : lengths) {
            clHistogram[len]++;
        }
        int clUsed = 0;
        for (int c : clHistogram) {
            clUsed += c > 0 ? 1 : 0;
        }
        int[] clLengths;
        if (clUsed == 1) {
            clLengths = new int[19];
            for (int i = 0; i < 19; i++) {
                clLengths[i] = clHistogram[i] > 0 ? 1 : 0;
            }
        } else {
            clLengths = huffmanLengths(clHistogram, 7);
        }
        int count = 19;
        while (count > 4 && clLengths[CODE_LENGTH_ORDER[count - 1]] == 0) {
            count--;
        }
        out.write(0, 1); // normal
        out.write(count - 4, 4);
        for (int i = 0; i < count; i++) {
            out.write(clLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        out.write(0, 1); // max_symbol = alphabet size
        int[] clCodes = canonicalCodes(clLengths);
        for (int len : lengths) {
            if (clUsed > 1) {
                out.write(reverse(clCodes[len], clLengths[len]), clLengths[len]);
            }
        }
        return lengths;
    }

    /** Huffman code lengths no longer than {@code maxLength}; counts are halved until the tree fits. */
    static int[] huffmanLengths(int[] histogram, int maxLength) {
        long[] counts = new long[histogram.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = histogram[i];
        }
        while (true) {
            int[] lengths = plainHuffman(counts);
            int max = 0;
            for (int l : lengths) {
                max = Math.max(max, l);
            }
            if (max <= maxLength) {
                return lengths;
            }
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    counts[i] = Math.max(1, counts[i] >> 1);
                }
            }
        }
    }

    private static int[] plainHuffman(long[] counts) {
        int n = counts.length;
        int[] parent = new int[2 * n];
        long[] weight = new long[2 * n];
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> weight[a] != weight[b]
                ? Long.compare(weight[a], weight[b]) : Integer.compare(a, b));
        int nodes = n;
        for (int i = 0; i < n; i++) {
            if (counts[i] > 0) {
                weight[i] = counts[i];
                queue.add(i);
            }
        }
        java.util.Arrays.fill(parent, -1);
        while (queue.size() > 1) {
            int a = queue.poll();
            int b = queue.poll();
            weight[nodes] = weight[a] + weight[b];
            parent[a] = nodes;
            parent[b] = nodes;
            queue.add(nodes);
            nodes++;
        }
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            if (counts[i] > 0) {
                int d = 0;
                for (int p = parent[i]; p != -1; p = parent[p]) {
                    d++;
                }
                lengths[i] = d;
            }
        }
        return lengths;
    }

    /** Canonical codes (as in deflate): shorter codes first, then by symbol. */
    static int[] canonicalCodes(int[] lengths) {
        int[] count = new int[16];
        for (int l : lengths) {
            count[l]++;
        }
        count[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int len = 1; len < 16; len++) {
            code = (code + count[len - 1]) << 1;
            next[len] = code;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            if (lengths[s] > 0) {
                codes[s] = next[lengths[s]]++;
            }
        }
        return codes;
    }

    private static int reverse(int code, int length) {
        return Integer.reverse(code) >>> (32 - length);
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long buffer;
        private int count;

        void write(int value, int bits) {
            buffer |= ((long) value & ((1L << bits) - 1)) << count;
            count += bits;
            while (count >= 8) {
                bytes.write((int) (buffer & 0xFF));
                buffer >>>= 8;
                count -= 8;
            }
        }

        /**
         * The bytes, with four zero bytes of slack: readers prefetch bits past the last code (TwelveMonkeys
         * reads ahead and fails with EOF on a stream that ends exactly at its last bit).
         */
        byte[] finish() {
            if (count > 0) {
                bytes.write((int) (buffer & 0xFF));
            }
            bytes.writeBytes(new byte[4]);
            return bytes.toByteArray();
        }
    }
}
