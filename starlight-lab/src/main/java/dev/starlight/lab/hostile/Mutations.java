package dev.starlight.lab.hostile;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The mutations of valid files. The structural ones ({@link #truncate}, {@link #duplicatePart},
 * {@link #removePart}, the length-field ones) use {@link Structure}; the others pick offsets near the start more
 * often, where headers and lengths live.
 */
public final class Mutations {
    private static final int[] BOUNDARY_BYTES = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x10, 0x40};
    private static final int[] BOUNDARY_INTS = {0, 1, -1, 0x7FFFFFFF, 0x80000000, 0xFFFF, 0x7FFF, 0x8000, 0x10000};

    private Mutations() {
    }

    /** Flips 1 to 8 bits. */
    static byte[] bitFlips(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            b[offset(b, r)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    /** Overwrites a byte, or a 16- or 32-bit field, with a boundary value. */
    static byte[] boundaryValues(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int o = offset(b, r);
        int v = BOUNDARY_INTS[r.nextInt(BOUNDARY_INTS.length)];
        switch (r.nextInt(3)) {
            case 0 -> b[o] = (byte) BOUNDARY_BYTES[r.nextInt(BOUNDARY_BYTES.length)];
            case 1 -> {
                if (o + 2 <= b.length) {
                    Bytes.putShortBe(b, o, v);
                }
            }
            default -> {
                if (o + 4 <= b.length) {
                    Bytes.putIntBe(b, o, v);
                }
            }
        }
        return b;
    }

    /** Cuts the file at a structural boundary: the start or end of a part, or just inside one. */
    static byte[] truncate(byte[] seed, Random r) {
        List<Structure.Part> parts = Structure.parts(seed);
        Structure.Part p = parts.get(r.nextInt(parts.size()));
        int at = switch (r.nextInt(4)) {
            case 0 -> p.offset();
            case 1 -> p.end() - 1;
            case 2 -> p.offset() + Math.min(p.length(), 1 + r.nextInt(8));
            default -> p.offset() + r.nextInt(Math.max(1, p.length()));
        };
        return Arrays.copyOf(seed, Math.max(0, Math.min(seed.length - 1, at)));
    }

    static byte[] duplicatePart(byte[] seed, Random r) {
        Structure.Part p = pick(seed, r);
        byte[] out = new byte[seed.length + p.length()];
        System.arraycopy(seed, 0, out, 0, p.end());
        System.arraycopy(seed, p.offset(), out, p.end(), p.length());
        System.arraycopy(seed, p.end(), out, p.end() + p.length(), seed.length - p.end());
        return out;
    }

    static byte[] removePart(byte[] seed, Random r) {
        Structure.Part p = pick(seed, r);
        byte[] out = new byte[seed.length - p.length()];
        System.arraycopy(seed, 0, out, 0, p.offset());
        System.arraycopy(seed, p.end(), out, p.offset(), seed.length - p.end());
        return out;
    }

    /** Sets a part's length field to reach past the end of the file. */
    static byte[] lengthPastEnd(byte[] seed, Random r) {
        Structure.Part p = pickWithLength(seed, r);
        if (p == null) {
            return bitFlips(seed, r);
        }
        long max = p.fieldSize() == 4 ? 0x7FFFFFFFL : (1L << (8 * p.fieldSize())) - 1;
        long past = Math.min(max, (long) seed.length - p.offset() + 1 + r.nextInt(1024));
        return withLength(seed, p, past);
    }

    static byte[] lengthZero(byte[] seed, Random r) {
        Structure.Part p = pickWithLength(seed, r);
        return p == null ? bitFlips(seed, r) : withLength(seed, p, 0);
    }

    /** Sets a part's length field to all ones (0xFFFFFFFF, 0xFFFF or 0xFF). */
    static byte[] lengthMax(byte[] seed, Random r) {
        Structure.Part p = pickWithLength(seed, r);
        return p == null ? bitFlips(seed, r) : withLength(seed, p, (1L << (8 * p.fieldSize())) - 1);
    }

    /**
     * One to four rounds of mixed mutations: bit flips, interesting bytes, overwritten length-like fields,
     * truncation, inserted and deleted runs, splices with another file, random runs.
     */
    public static byte[] havoc(byte[] seed, List<byte[]> all, Random r) {
        byte[] b = seed.clone();
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds && b.length > 0; k++) {
            switch (r.nextInt(8)) {
                case 0 -> b[offset(b, r)] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[offset(b, r)] = (byte) BOUNDARY_BYTES[r.nextInt(BOUNDARY_BYTES.length)];
                case 2 -> bigLength(b, r);
                case 3 -> b = Arrays.copyOf(b, r.nextInt(b.length));
                case 4 -> b = insert(b, r);
                case 5 -> b = delete(b, r);
                case 6 -> b = splice(b, all.get(r.nextInt(all.size())), r);
                default -> randomRun(b, r);
            }
        }
        return b;
    }

    private static Structure.Part pick(byte[] seed, Random r) {
        List<Structure.Part> parts = Structure.parts(seed);
        return parts.get(r.nextInt(parts.size()));
    }

    private static Structure.Part pickWithLength(byte[] seed, Random r) {
        List<Structure.Part> parts = Structure.parts(seed).stream().filter(p -> p.lengthField() >= 0
                && p.lengthField() + p.fieldSize() <= seed.length).toList();
        return parts.isEmpty() ? null : parts.get(r.nextInt(parts.size()));
    }

    private static byte[] withLength(byte[] seed, Structure.Part p, long value) {
        byte[] b = seed.clone();
        for (int i = 0; i < p.fieldSize(); i++) {
            int shift = 8 * (p.bigEndian() ? p.fieldSize() - 1 - i : i);
            b[p.lengthField() + i] = (byte) (value >>> shift);
        }
        return b;
    }

    private static int offset(byte[] b, Random r) {
        return r.nextBoolean() ? r.nextInt(Math.min(b.length, 64)) : r.nextInt(b.length);
    }

    private static void bigLength(byte[] b, Random r) {
        int o = offset(b, r);
        int[] values = {0xFF, 0x7F, 0x80, 0x00};
        for (int i = o; i < Math.min(b.length, o + 4); i++) {
            b[i] = (byte) values[r.nextInt(values.length)];
        }
    }

    private static byte[] insert(byte[] b, Random r) {
        int o = offset(b, r);
        byte[] run = new byte[1 + r.nextInt(32)];
        r.nextBytes(run);
        byte[] out = new byte[b.length + run.length];
        System.arraycopy(b, 0, out, 0, o);
        System.arraycopy(run, 0, out, o, run.length);
        System.arraycopy(b, o, out, o + run.length, b.length - o);
        return out;
    }

    private static byte[] delete(byte[] b, Random r) {
        int o = offset(b, r);
        int n = Math.min(b.length - o, 1 + r.nextInt(32));
        byte[] out = new byte[b.length - n];
        System.arraycopy(b, 0, out, 0, o);
        System.arraycopy(b, o + n, out, o, b.length - o - n);
        return out;
    }

    private static byte[] splice(byte[] b, byte[] other, Random r) {
        int cut = r.nextInt(b.length);
        int from = r.nextInt(Math.max(1, other.length));
        byte[] out = new byte[cut + other.length - from];
        System.arraycopy(b, 0, out, 0, cut);
        System.arraycopy(other, from, out, cut, other.length - from);
        return out;
    }

    private static void randomRun(byte[] b, Random r) {
        int o = offset(b, r);
        int n = Math.min(b.length - o, 1 + r.nextInt(16));
        for (int i = o; i < o + n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
    }
}
