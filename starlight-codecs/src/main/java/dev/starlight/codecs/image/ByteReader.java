package dev.starlight.codecs.image;

/**
 * The one bounds-checked reader for untrusted bytes. Every read checks its range first and fails with
 * {@code TRUNCATED}, naming the offset, the count and the limit. Big- and little-endian reads are both here
 * because containers mix them (PNG and JPEG are big-endian, GIF, BMP and RIFF little-endian).
 */
public final class ByteReader {
    private final byte[] data;
    private final int limit;
    private int position;

    public ByteReader(byte[] data) {
        this(data, 0, data.length);
    }

    public ByteReader(byte[] data, int offset, int limit) {
        if (offset < 0 || limit > data.length || offset > limit) {
            throw new IllegalArgumentException("bad window " + offset + ".." + limit + " of " + data.length);
        }
        this.data = data;
        this.position = offset;
        this.limit = limit;
    }

    public byte[] data() {
        return data;
    }

    public int position() {
        return position;
    }

    public int limit() {
        return limit;
    }

    public int remaining() {
        return limit - position;
    }

    public boolean hasRemaining() {
        return position < limit;
    }

    public void seek(int offset) {
        if (offset < 0 || offset > limit) {
            throw ImageDecodeException.truncated("seek", offset, 0, limit);
        }
        position = offset;
    }

    /** Fails with TRUNCATED unless {@code count} bytes remain. */
    public void require(long count, String what) {
        if (count < 0 || count > limit - position) {
            throw ImageDecodeException.truncated(what, position, count, limit);
        }
    }

    public void skip(long count, String what) {
        require(count, what);
        position += (int) count;
    }

    public int u8(String what) {
        require(1, what);
        return data[position++] & 0xFF;
    }

    public int u16be(String what) {
        require(2, what);
        int v = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    public int u16le(String what) {
        require(2, what);
        int v = (data[position] & 0xFF) | ((data[position + 1] & 0xFF) << 8);
        position += 2;
        return v;
    }

    public int u24le(String what) {
        require(3, what);
        int v = (data[position] & 0xFF) | ((data[position + 1] & 0xFF) << 8) | ((data[position + 2] & 0xFF) << 16);
        position += 3;
        return v;
    }

    /** Unsigned 32-bit big-endian, as a long so that lengths above 2^31 can be refused rather than wrap. */
    public long u32be(String what) {
        require(4, what);
        long v = ((long) (data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    public long u32le(String what) {
        require(4, what);
        long v = (data[position] & 0xFF) | ((data[position + 1] & 0xFF) << 8)
                | ((data[position + 2] & 0xFF) << 16) | ((long) (data[position + 3] & 0xFF) << 24);
        position += 4;
        return v;
    }

    public int s32le(String what) {
        return (int) u32le(what);
    }

    /** A copy of the next {@code count} bytes. */
    public byte[] bytes(long count, String what) {
        require(count, what);
        byte[] out = new byte[(int) count];
        System.arraycopy(data, position, out, 0, (int) count);
        position += (int) count;
        return out;
    }

    /** Reads 4 bytes as ASCII (chunk and box types). */
    public String fourCC(String what) {
        require(4, what);
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (data[position + i] & 0xFF);
        }
        position += 4;
        return new String(c);
    }

    /** Where the next byte equal to {@code value} lies, from the position up to the limit; -1 when there is none. */
    public int indexOf(int value) {
        for (int i = position; i < limit; i++) {
            if (data[i] == (byte) value) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code prefix} lies at {@code offset}: false, not an error, where it would run past the limit. */
    public boolean matches(long offset, byte[] prefix) {
        if (offset < 0 || offset + prefix.length > limit) {
            return false;
        }
        return java.util.Arrays.equals(data, (int) offset, (int) offset + prefix.length, prefix, 0, prefix.length);
    }
}
