package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One PNG chunk located in a file: its type, where its data starts, its length, and where the whole chunk
 * (length, type, data, CRC) starts and ends. Also the chunk walk and chunk writing shared by decoder and writer.
 */
record PngChunk(String type, int start, int dataOffset, int length) {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    /** More chunks than this is not an image but an attack on the walker. */
    static final int MAX_CHUNKS = 200_000;

    /** Offset just past the CRC. */
    int end() {
        return dataOffset + length + 4;
    }

    boolean critical() {
        return Character.isUpperCase(type.charAt(0));
    }

    byte[] data(byte[] file) {
        byte[] out = new byte[length];
        System.arraycopy(file, dataOffset, out, 0, length);
        return out;
    }

    /** True when the stored CRC matches the type and data. */
    boolean crcMatches(byte[] file) {
        CRC32 crc = new CRC32();
        crc.update(file, dataOffset - 4, length + 4);
        long stored = ((long) (file[dataOffset + length] & 0xFF) << 24) | ((file[dataOffset + length + 1] & 0xFF) << 16)
                | ((file[dataOffset + length + 2] & 0xFF) << 8) | (file[dataOffset + length + 3] & 0xFF);
        return crc.getValue() == stored;
    }

    /**
     * Walks the chunks from after the signature up to and including IEND. Chunk lengths are checked against
     * the data before anything is read; a file that ends before IEND gives TRUNCATED.
     */
    static List<PngChunk> walk(byte[] file) {
        ByteReader r = new ByteReader(file);
        r.require(8, "PNG signature");
        for (int i = 0; i < 8; i++) {
            if (file[i] != SIGNATURE[i]) {
                throw ImageDecodeException.malformed("PNG: bad signature");
            }
        }
        r.skip(8, "PNG signature");
        List<PngChunk> chunks = new ArrayList<>();
        while (true) {
            if (!r.hasRemaining()) {
                throw new ImageDecodeException(ErrorCode.TRUNCATED, "PNG: no IEND chunk before the end of the data at "
                        + file.length);
            }
            int start = r.position();
            long length = r.u32be("PNG chunk length");
            if (length > Integer.MAX_VALUE) {
                throw ImageDecodeException.malformed("PNG: chunk length " + length + " at offset " + start
                        + " exceeds 2^31-1");
            }
            String type = r.fourCC("PNG chunk type");
            if (!validType(type)) {
                throw ImageDecodeException.malformed("PNG: invalid chunk type at offset " + (start + 4));
            }
            r.require(length + 4, "PNG " + type + " chunk data and CRC");
            PngChunk chunk = new PngChunk(type, start, r.position(), (int) length);
            r.skip(length + 4, "PNG chunk");
            chunks.add(chunk);
            if (chunks.size() > MAX_CHUNKS) {
                throw ImageDecodeException.malformed("PNG: more than " + MAX_CHUNKS + " chunks");
            }
            if (type.equals("IEND")) {
                return chunks;
            }
        }
    }

    private static boolean validType(String type) {
        for (int i = 0; i < 4; i++) {
            char c = type.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    static void write(ByteArrayOutputStream out, String type, byte[] data) {
        writeInt(out, data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
