package dev.starlight.lab.zoo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The few container structures no installed tool writes, built the way the devices and programs that write them do:
 * a CIPA DC-007 Multi-Picture Format index with its second image (phones' previews), a Samsung {@code SEFT} trailer,
 * an APNG assembled from PNG frames (what apngasm does), and PNG {@code tEXt} chunks (what Pillow writes for
 * ComfyUI and the other generators).
 */
final class Containers {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Containers() {
    }

    /**
     * {@code primary} with an APP2 {@code MPF} index after its APPn segments and {@code preview} appended after
     * its end: the layout phones write for their large preview image.
     */
    static byte[] withMpfPreview(byte[] primary, byte[] preview) {
        int insertAt = afterAppSegments(primary);
        int app2Length = 2 + 4 + 8 + 2 + 3 * 12 + 4 + 2 * 16; // length field .. end of MP entries
        int firstSize = primary.length + 2 + app2Length;
        int headerAt = insertAt + 2 + 2 + 4; // the MPF TIFF header: after marker, length, "MPF\0"
        int previewOffset = firstSize - headerAt;
        ByteBuffer seg = ByteBuffer.allocate(2 + app2Length).order(ByteOrder.BIG_ENDIAN);
        seg.put((byte) 0xFF).put((byte) 0xE2).putShort((short) app2Length);
        seg.put("MPF\0".getBytes(StandardCharsets.US_ASCII));
        seg.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        seg.putShort((short) 3);
        seg.putShort((short) 0xB000).putShort((short) 7).putInt(4).put("0100".getBytes(StandardCharsets.US_ASCII));
        seg.putShort((short) 0xB001).putShort((short) 4).putInt(1).putInt(2);
        seg.putShort((short) 0xB002).putShort((short) 7).putInt(32).putInt(8 + 2 + 3 * 12 + 4);
        seg.putInt(0);
        seg.putInt(0x20030000).putInt(firstSize).putInt(0).putShort((short) 0).putShort((short) 0);
        seg.putInt(0x00010001).putInt(preview.length).putInt(previewOffset).putShort((short) 0).putShort((short) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(firstSize + preview.length);
        out.write(primary, 0, insertAt);
        out.writeBytes(seg.array());
        out.write(primary, insertAt, primary.length - insertAt);
        out.writeBytes(preview);
        return out.toByteArray();
    }

    /** The offset of the first JPEG segment after SOI that is not APP0..APP15. */
    private static int afterAppSegments(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xF0) == 0xE0) {
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
        }
        return at;
    }

    /**
     * A Samsung camera trailer after the JPEG's end: named data blocks (the capture time in milliseconds since the
     * epoch, the mobile country code) and the {@code SEFH} directory closed by {@code SEFT}.
     */
    static byte[] withSamsungTrailer(byte[] jpeg, long captureMillis, int countryCode) {
        String[][] blocks = {{"Image_UTC_Data", Long.toString(captureMillis), "2561"}, // type 0x0a01
            {"MCC_Data", Integer.toString(countryCode), "2577"}};                         // type 0x0a11
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[blocks.length];
        int[] lengths = new int[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            byte[] name = blocks[i][0].getBytes(StandardCharsets.US_ASCII);
            byte[] value = blocks[i][1].getBytes(StandardCharsets.US_ASCII);
            ByteBuffer b = ByteBuffer.allocate(8 + name.length + value.length).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) 0).putShort((short) Integer.parseInt(blocks[i][2])).putInt(name.length).put(name)
                    .put(value);
            offsets[i] = data.size();
            lengths[i] = b.capacity();
            data.writeBytes(b.array());
        }
        int dirSize = 4 + 4 + 4 + blocks.length * 12;
        ByteBuffer dir = ByteBuffer.allocate(dirSize + 8).order(ByteOrder.LITTLE_ENDIAN);
        dir.put("SEFH".getBytes(StandardCharsets.US_ASCII)).putInt(107).putInt(blocks.length);
        for (int i = 0; i < blocks.length; i++) {
            dir.putShort((short) 0).putShort((short) Integer.parseInt(blocks[i][2]))
                    .putInt(data.size() - offsets[i]).putInt(lengths[i]);
        }
        dir.putInt(dirSize).put("SEFT".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(jpeg);
        out.writeBytes(data.toByteArray());
        out.writeBytes(dir.array());
        return out.toByteArray();
    }

    /** PNG {@code tEXt} chunks (Latin-1 keyword and text) inserted right after IHDR. */
    static byte[] withPngText(byte[] png, List<String[]> keywordText) {
        int afterIhdr = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 1024);
        out.write(png, 0, afterIhdr);
        for (String[] kv : keywordText) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(kv[0].getBytes(StandardCharsets.ISO_8859_1));
            body.write(0);
            body.writeBytes(kv[1].getBytes(StandardCharsets.ISO_8859_1));
            chunk(out, "tEXt", body.toByteArray());
        }
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    /**
     * An animated PNG from same-sized PNG frames: the first frame's IHDR, {@code acTL}, and per frame an
     * {@code fcTL} with its IDAT data (as IDAT for the first frame, {@code fdAT} after), looping forever.
     */
    static byte[] apng(List<byte[]> framePngs, int delayHundredths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        byte[] first = framePngs.get(0);
        byte[] ihdr = java.util.Arrays.copyOfRange(first, 16, 16 + 13);
        chunk(out, "IHDR", ihdr);
        int width = ByteBuffer.wrap(ihdr, 0, 4).getInt();
        int height = ByteBuffer.wrap(ihdr, 4, 4).getInt();
        chunk(out, "acTL", ByteBuffer.allocate(8).putInt(framePngs.size()).putInt(0).array());
        int sequence = 0;
        for (int f = 0; f < framePngs.size(); f++) {
            byte[] frame = framePngs.get(f);
            if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(frame, 16, 16 + 13), ihdr)) {
                throw new ZooToolException(ZooToolException.Code.TOOL_FAILED,
                        "clean zoo: APNG frames differ in size or colour type");
            }
            chunk(out, "fcTL", ByteBuffer.allocate(26).putInt(sequence++).putInt(width).putInt(height).putInt(0)
                    .putInt(0).putShort((short) delayHundredths).putShort((short) 100).put((byte) 0).put((byte) 0)
                    .array());
            for (byte[] idat : idatBodies(frame)) {
                if (f == 0) {
                    chunk(out, "IDAT", idat);
                } else {
                    chunk(out, "fdAT", ByteBuffer.allocate(4 + idat.length).putInt(sequence++).put(idat).array());
                }
            }
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static List<byte[]> idatBodies(byte[] png) {
        List<byte[]> out = new java.util.ArrayList<>();
        int at = 8;
        while (at + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("IDAT")) {
                out.add(java.util.Arrays.copyOfRange(png, at + 8, at + 8 + length));
            }
            at += 12 + length;
        }
        return out;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] body) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(t);
        out.writeBytes(body);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
