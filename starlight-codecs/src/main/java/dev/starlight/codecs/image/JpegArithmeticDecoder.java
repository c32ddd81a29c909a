package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;

/**
 * The adaptive binary arithmetic decoder of JPEG (ITU-T T.81 Annex D, the QM-coder): decisions are read from the
 * entropy-coded segment of a scan against statistics bins, each holding a state of the probability estimation
 * table (Table D.2) and the sense of the more probable symbol. Byte stuffing (0xFF00) is removed; at a marker or
 * at the end of the file zero bytes are fed, as the standard's decoders do (a legal arithmetic-coded segment may
 * end before its last decisions are read). Registers: {@code a} is the interval (A), the top 16 bits of
 * {@code c >> ct} are the code register (Cx) and the {@code ct} low bits of {@code c} are input not yet shifted in.
 */
final class JpegArithmeticDecoder {
    // Table D.2: Qe, next state after an LPS, next state after an MPS, whether an LPS switches the MPS sense
    private static final int[] QE = {
        0x5A1D, 0x2586, 0x1114, 0x080B, 0x03D8, 0x01DA, 0x00E5, 0x006F, 0x0036, 0x001A, 0x000D, 0x0006, 0x0003, 0x0001,
        0x5A7F, 0x3F25, 0x2CF2, 0x207C, 0x17B9, 0x1182, 0x0CEF, 0x09A1, 0x072F, 0x055C, 0x0406, 0x0303, 0x0240, 0x01B1,
        0x0144, 0x00F5, 0x00B7, 0x008A, 0x0068, 0x004E, 0x003B, 0x002C, 0x5AE1, 0x484C, 0x3A0D, 0x2EF1, 0x261F, 0x1F33,
        0x19A8, 0x1518, 0x1177, 0x0E74, 0x0BFB, 0x09F8, 0x0861, 0x0706, 0x05CD, 0x04DE, 0x040F, 0x0363, 0x02D4, 0x025C,
        0x01F8, 0x01A4, 0x0160, 0x0125, 0x00F6, 0x00CB, 0x00AB, 0x008F, 0x5B12, 0x4D04, 0x412C, 0x37D8, 0x2FE8, 0x293C,
        0x2379, 0x1EDF, 0x1AA9, 0x174E, 0x1424, 0x119C, 0x0F6B, 0x0D51, 0x0BB6, 0x0A40, 0x5832, 0x4D1C, 0x438E, 0x3BDD,
        0x34EE, 0x2EAE, 0x299A, 0x2516, 0x5570, 0x4CA9, 0x44D9, 0x3E22, 0x3824, 0x32B4, 0x2E17, 0x56A8, 0x4F46, 0x47E5,
        0x41CF, 0x3C3D, 0x375E, 0x5231, 0x4C0F, 0x4639, 0x415E, 0x5627, 0x50E7, 0x4B85, 0x5597, 0x504F, 0x5A10, 0x5522,
        0x59EB};
    private static final byte[] NEXT_LPS = {
        1, 14, 16, 18, 20, 23, 25, 28, 30, 33, 35, 9, 10, 12, 15, 36, 38, 39, 40, 42, 43, 45, 46, 48, 49, 51, 52, 54,
        56, 57, 59, 60, 62, 63, 32, 33, 37, 64, 65, 67, 68, 69, 70, 72, 73, 74, 75, 77, 78, 79, 48, 50, 50, 51, 52, 53,
        54, 55, 56, 57, 58, 59, 61, 61, 65, 80, 81, 82, 83, 84, 86, 87, 87, 72, 72, 74, 74, 75, 77, 77, 80, 88, 89, 90,
        91, 92, 93, 86, 88, 95, 96, 97, 99, 99, 93, 95, 101, 102, 103, 104, 99, 105, 106, 107, 103, 105, 108, 109, 110,
        111, 110, 112, 112};
    private static final byte[] NEXT_MPS = {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32, 33, 34, 35, 9, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58,
        59, 60, 61, 62, 63, 32, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 48, 81, 82, 83, 84, 85, 86,
        87, 71, 89, 90, 91, 92, 93, 94, 86, 96, 97, 98, 99, 100, 93, 102, 103, 104, 99, 106, 107, 103, 109, 107, 111,
        109, 111};
    /** States whose LPS exchanges the sense of the MPS (Switch_MPS = 1). */
    private static final boolean[] SWITCH = new boolean[QE.length];
    /** Qe of the fixed 0.5 estimate used for signs and refinement bits (F.1.4.4.2, G.1.3.2). */
    private static final int QE_FIXED = 0x5A1D;

    static {
        for (int s : new int[] {0, 14, 36, 64, 80, 88, 95, 105, 110, 112}) {
            SWITCH[s] = true;
        }
    }

    private final byte[] data;
    private int pos;
    private int a;
    private int c;
    private int ct;
    private boolean atMarker;
    private boolean eof;

    JpegArithmeticDecoder(byte[] data, int pos) {
        this.data = data;
        this.pos = pos;
        start();
    }

    /** INITDEC (D.2.7): the code register takes the first two bytes, the interval is 0x10000. */
    private void start() {
        a = 0x10000;
        c = (nextByte() << 8) | nextByte();
        ct = 0;
    }

    /** One decision with the statistics bin {@code bins[s]} (bit 7: the MPS, bits 0..6: the state), adapted. */
    int decode(byte[] bins, int s) {
        int state = bins[s] & 0x7F;
        int mps = (bins[s] >> 7) & 1;
        int qe = QE[state];
        a -= qe;
        int boundary = a << ct;
        int d;
        boolean lpsTaken;
        if (c < boundary) { // the MPS sub-interval
            if (a >= 0x8000) {
                return mps;
            }
            lpsTaken = a < qe; // conditional exchange: the smaller interval is the LPS's
        } else {
            c -= boundary;
            lpsTaken = a >= qe;
            a = qe;
        }
        if (lpsTaken) {
            d = 1 - mps;
            int nextMps = SWITCH[state] ? 1 - mps : mps;
            bins[s] = (byte) (nextMps << 7 | NEXT_LPS[state]);
        } else {
            d = mps;
            bins[s] = (byte) (mps << 7 | NEXT_MPS[state]);
        }
        renormalise();
        return d;
    }

    /** One decision with the fixed estimate Qe = 0x5A1D, MPS 0, not adapted. */
    int decodeFixed() {
        a -= QE_FIXED;
        int boundary = a << ct;
        int d;
        if (c < boundary) {
            if (a >= 0x8000) {
                return 0;
            }
            d = a < QE_FIXED ? 1 : 0;
        } else {
            c -= boundary;
            d = a < QE_FIXED ? 0 : 1;
            a = QE_FIXED;
        }
        renormalise();
        return d;
    }

    /** RENORMD (D.2.6): doubles the interval until it is at least 0x8000, shifting input into the code register. */
    private void renormalise() {
        while (a < 0x8000) {
            a <<= 1;
            if (ct == 0) {
                c = (c << 8) | nextByte();
                ct = 8;
            }
            ct--;
        }
    }

    /** BYTEIN (D.2.8): the next data byte with stuffing removed; zeros at a marker or at the end of the file. */
    private int nextByte() {
        if (atMarker) {
            return 0;
        }
        if (pos >= data.length) {
            eof = true;
            return 0;
        }
        int b = data[pos] & 0xFF;
        if (b != 0xFF) {
            pos++;
            return b;
        }
        if (pos + 1 < data.length && data[pos + 1] == 0) {
            pos += 2;
            return 0xFF;
        }
        atMarker = true; // the marker stays unread
        return 0;
    }

    boolean hitEndOfFile() {
        return eof;
    }

    /** Steps over the RSTn marker that ends a restart interval and starts decoding afresh (F.1.4.1, F.2.4.1). */
    void restart() {
        int p = nextMarker(pos, true);
        int m = data[p + 1] & 0xFF;
        if (m < 0xD0 || m > 0xD7) {
            throw ImageDecodeException.malformed(String.format(
                    "JPEG: expected a restart marker (RSTn) at offset %d, found 0xff%02x", p, m));
        }
        pos = p + 2;
        atMarker = false;
        start();
    }

    /** Offset of the marker that ends this scan's entropy-coded data (RSTn markers inside it are passed). */
    int endOfScan() {
        return nextMarker(pos, false);
    }

    private int nextMarker(int p, boolean stopAtRst) {
        while (true) {
            if (p + 1 >= data.length) {
                throw new ImageDecodeException(ErrorCode.TRUNCATED,
                        "JPEG: arithmetic-coded data runs to the end of the file (no marker after it)");
            }
            if ((data[p] & 0xFF) != 0xFF) {
                p++;
                continue;
            }
            int next = data[p + 1] & 0xFF;
            if (next == 0x00 || next == 0xFF) {
                p += next == 0 ? 2 : 1;
            } else if (next >= 0xD0 && next <= 0xD7 && !stopAtRst) {
                p += 2;
            } else {
                return p;
            }
        }
    }
}
