package dev.starlight.lab.hostile;

import java.io.ByteArrayOutputStream;

/** Hostile TIFF (EXIF) structures: loops, self-references, huge counts, long chains. */
final class Exif {
    private Exif() {
    }

    private static final int EXIF_IFD = 0x8769;
    private static final int GPS_IFD = 0x8825;
    private static final int USER_COMMENT = 0x9286;

    /** IFD0 whose next-IFD offset points back at itself. */
    static byte[] ifdLoop(long seed) {
        return tiff(new int[][] {{0x010F, 2, 4, 0x41424300}}, 8);
    }

    /** IFD0 whose EXIF and GPS sub-IFD pointers point back at IFD0. */
    static byte[] recursiveSubIfd(long seed) {
        return tiff(new int[][] {{EXIF_IFD, 4, 1, 8}, {GPS_IFD, 4, 1, 8}}, 0);
    }

    /** Count fields of 2^32-1 on an ASCII tag, a UserComment and an IFD pointer. */
    static byte[] countMax(long seed) {
        return tiff(new int[][] {{0x010E, 2, -1, 100}, {USER_COMMENT, 7, -1, 100}, {EXIF_IFD, 4, -1, 8}}, 0);
    }

    /** A UserComment in a real EXIF sub-IFD whose value offset is past the end. */
    static byte[] offsetPastEnd(long seed) {
        ByteArrayOutputStream out = header();
        ifd(out, new int[][] {{EXIF_IFD, 4, 1, 26}}, 0);
        ifd(out, new int[][] {{USER_COMMENT, 7, 5000, 0x7FFFFFF0}}, 0x7FFFFFFF);
        return out.toByteArray();
    }

    /** 3,000 IFDs chained one after the other (each valid), to test depth limits. */
    static byte[] longChain(long seed) {
        ByteArrayOutputStream out = header();
        int n = 3000;
        for (int i = 0; i < n; i++) {
            int here = 8 + i * 18;
            ifd(out, new int[][] {{i % 2 == 0 ? EXIF_IFD : 0x0131, 4, 1, i % 2 == 0 ? here + 18 : 0}},
                    i == n - 1 ? 0 : here + 18);
        }
        return out.toByteArray();
    }

    /** An IFD claiming 65535 entries. */
    static byte[] entryCountMax(long seed) {
        ByteArrayOutputStream out = header();
        out.write(0xFF);
        out.write(0xFF);
        out.writeBytes(new byte[64]);
        return out.toByteArray();
    }

    private static ByteArrayOutputStream header() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
        return out;
    }

    private static byte[] tiff(int[][] entries, int nextIfd) {
        ByteArrayOutputStream out = header();
        ifd(out, entries, nextIfd);
        out.writeBytes(new byte[16]);
        return out.toByteArray();
    }

    /** Entries are {tag, type, count, value or offset}, little-endian. */
    private static void ifd(ByteArrayOutputStream out, int[][] entries, int nextIfd) {
        Bytes.shortLe(out, entries.length);
        for (int[] e : entries) {
            Bytes.shortLe(out, e[0]);
            Bytes.shortLe(out, e[1]);
            Bytes.intLe(out, e[2]);
            Bytes.intLe(out, e[3]);
        }
        Bytes.intLe(out, nextIfd);
    }
}
