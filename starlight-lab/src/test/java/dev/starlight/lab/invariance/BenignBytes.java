package dev.starlight.lab.invariance;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Real container bytes of the harmless things cameras, phones, editors and image generators add to files: camera
 * EXIF (make, model, exposure, GPS) with a JPEG thumbnail, an XMP packet with editing history, an ICC profile, PNG
 * text chunks (Software, an A1111 {@code parameters} prompt, an iTXt comment), JPEG COM, a GIF comment.
 */
final class BenignBytes {
    static final String PROMPT = "a lighthouse on a cliff at sunset, oil painting, highly detailed\n"
            + "Negative prompt: blurry, lowres\nSteps: 30, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234567, "
            + "Size: 512x512, Model hash: 31e35c80fc, Model: sd_xl_base_1.0";
    static final String XMP = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\""
            + " xmlns:stEvt=\"http://ns.adobe.com/xap/1.0/sType/ResourceEvent#\""
            + " xmp:CreatorTool=\"Adobe Photoshop Lightroom Classic 13.2 (Windows)\" xmp:ModifyDate=\"2026-05-14T11:00\">"
            + "<xmpMM:History><rdf:Seq><rdf:li stEvt:action=\"derived\" stEvt:parameters=\"converted from raw\"/>"
            + "<rdf:li stEvt:action=\"saved\" stEvt:softwareAgent=\"Adobe Photoshop 25.0\" stEvt:when=\"2026-05-14\"/>"
            + "</rdf:Seq></xmpMM:History></rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";

    private BenignBytes() {
    }

    /** The file with every benign metadata block its container holds added. */
    static byte[] withMetadata(byte[] file) {
        ImageFormat format = ImageFormat.sniff(file).orElseThrow();
        return switch (format) {
            case PNG -> png(ImageCodecs.writer(format).replaceExif(file, cameraExif()));
            case JPEG -> jpeg(ImageCodecs.writer(format).replaceExif(file, cameraExif()));
            case WEBP -> ImageCodecs.writer(format).replaceExif(file, cameraExif());
            case GIF -> gifComment(file);
            default -> throw new IllegalArgumentException("no benign metadata for " + format);
        };
    }

    /** An 8-bit RGB image re-encoded by its own writer with an alpha plane that is 255 everywhere. */
    static byte[] withOpaqueAlpha(byte[] file) {
        DecodedImage image = ImageCodecs.decode(file);
        int[] alpha = new int[image.pixelCount()];
        java.util.Arrays.fill(alpha, 255);
        int[][] planes = {image.planes()[0], image.planes()[1], image.planes()[2], alpha};
        DecodedImage rgba = new DecodedImage(image.format(), image.width(), image.height(), 8, ColorType.RGBA,
                planes, null, null, false, List.of(), image.frames(), 0, new byte[0]);
        return ImageCodecs.writer(image.format()).encode(rgba);
    }

    /** The same samples in another lossless container. */
    static byte[] reencoded(byte[] file, ImageFormat to) {
        return ImageCodecs.writer(to).encode(ImageCodecs.decode(file));
    }

    /** Big-endian TIFF: IFD0 (Make, Model, Software, DateTime, GPS pointer), a GPS IFD, IFD1 with a thumbnail. */
    static byte[] cameraExif() {
        byte[] thumbnail = ImageCodecs.writer(ImageFormat.JPEG).encode(thumbnailImage());
        Tiff t = new Tiff();
        List<int[]> ifd0 = new ArrayList<>();
        ifd0.add(t.ascii(271, "Canon"));
        ifd0.add(t.ascii(272, "Canon EOS R6"));
        ifd0.add(t.ascii(305, "Adobe Photoshop Lightroom Classic 13.2 (Windows)"));
        ifd0.add(t.ascii(306, "2026:05:14 10:22:31"));
        int gpsPointer = ifd0.size();
        ifd0.add(new int[] {0x8825, 4, 1, 0});
        List<int[]> gps = List.of(t.ascii(1, "N"), t.rationals(2, 48, 1, 51, 1, 2999, 100), t.ascii(3, "E"),
                t.rationals(4, 2, 1, 17, 1, 4020, 100));
        int thumbAt = t.blob(thumbnail);
        List<int[]> ifd1 = List.of(new int[] {0x0103, 3, 1, 6 << 16}, new int[] {0x0201, 4, 1, thumbAt},
                new int[] {0x0202, 4, 1, thumbnail.length});
        return t.write(ifd0, gpsPointer, gps, ifd1);
    }

    private static DecodedImage thumbnailImage() {
        int w = 40;
        int h = 30;
        int[][] planes = new int[3][w * h];
        for (int i = 0; i < w * h; i++) {
            planes[0][i] = (i * 7) & 0xFF;
            planes[1][i] = (i / w * 8) & 0xFF;
            planes[2][i] = 128;
        }
        return new DecodedImage(ImageFormat.JPEG, w, h, 8, ColorType.RGB, planes, null, null, false, List.of(),
                List.of(new dev.starlight.codecs.image.FrameInfo(0, 0, 0, w, h, 0, false, false)), 0, new byte[0]);
    }

    /** An ICC profile header (the 128 bytes every profile starts with) and an empty tag table. */
    static byte[] iccProfile() {
        ByteBuffer b = ByteBuffer.allocate(132);
        b.putInt(132).put("lcms".getBytes(StandardCharsets.US_ASCII)).putInt(0x02100000)
                .put("mntrRGB XYZ ".getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 2026).putShort((short) 5).putShort((short) 14).putShort((short) 10).putShort((short) 0)
                .putShort((short) 0);
        b.put("acspAPPL".getBytes(StandardCharsets.US_ASCII));
        b.position(128);
        b.putInt(0);
        return b.array();
    }

    /** Chunks inserted right after IHDR: iCCP, tEXt Software, tEXt parameters, iTXt XMP, iTXt Comment. */
    private static byte[] png(byte[] file) {
        int afterIhdr = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, afterIhdr);
        ByteArrayOutputStream icc = new ByteArrayOutputStream();
        icc.writeBytes("sRGB IEC61966-2.1\0\0".getBytes(StandardCharsets.ISO_8859_1));
        icc.writeBytes(deflate(iccProfile()));
        chunk(out, "iCCP", icc.toByteArray());
        chunk(out, "tEXt", ("Software\0GIMP 2.10.36").getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "tEXt", ("parameters\0" + PROMPT).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "iTXt", ("XML:com.adobe.xmp\0\0\0\0\0" + XMP).getBytes(StandardCharsets.UTF_8));
        chunk(out, "iTXt", ("Comment\0\0\0en\0\0Created with GIMP, exported for the web").getBytes(StandardCharsets.UTF_8));
        out.write(file, afterIhdr, file.length - afterIhdr);
        return out.toByteArray();
    }

    /** APP1 XMP, APP2 ICC_PROFILE and COM inserted right after SOI. */
    private static byte[] jpeg(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, 2);
        segment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                XMP.getBytes(StandardCharsets.UTF_8)));
        segment(out, 0xE2, concat("ICC_PROFILE\0\1\1".getBytes(StandardCharsets.US_ASCII), iccProfile()));
        segment(out, 0xFE, "Processed with care. (c) 2026 A. Photographer".getBytes(StandardCharsets.US_ASCII));
        out.write(file, 2, file.length - 2);
        return out.toByteArray();
    }

    /** A comment extension before the GIF trailer. */
    private static byte[] gifComment(byte[] file) {
        if (file[file.length - 1] != 0x3B) {
            throw new IllegalArgumentException("GIF does not end with its trailer");
        }
        byte[] text = "Made with GIMP".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, file.length - 1);
        out.write(0x21);
        out.write(0xFE);
        out.write(text.length);
        out.writeBytes(text);
        out.write(0);
        out.write(0x3B);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        out.write((data.length + 2) >>> 8);
        out.write(data.length + 2);
        out.writeBytes(data);
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        byte[] buffer = new byte[data.length + 64];
        int n = d.deflate(buffer);
        d.end();
        return java.util.Arrays.copyOf(buffer, n);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A minimal big-endian TIFF writer: entries are {tag, type, count, value-or-offset}. */
    private static final class Tiff {
        private final ByteArrayOutputStream values = new ByteArrayOutputStream();
        private final List<Integer> valueOffsets = new ArrayList<>();

        int[] ascii(int tag, String text) {
            byte[] b = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            if (b.length <= 4) {
                byte[] padded = java.util.Arrays.copyOf(b, 4);
                return new int[] {tag, 2, b.length, ByteBuffer.wrap(padded).getInt()};
            }
            return new int[] {tag, 2, b.length, blob(b)};
        }

        int[] rationals(int tag, int... numbersAndDenominators) {
            ByteBuffer b = ByteBuffer.allocate(numbersAndDenominators.length * 4);
            for (int v : numbersAndDenominators) {
                b.putInt(v);
            }
            return new int[] {tag, 5, numbersAndDenominators.length / 2, blob(b.array())};
        }

        /** Stores bytes in the value area; returns a marker resolved to the file offset by {@link #write}. */
        int blob(byte[] data) {
            valueOffsets.add(values.size());
            values.writeBytes(data);
            if (values.size() % 2 == 1) {
                values.write(0);
            }
            return -valueOffsets.size();
        }

        byte[] write(List<int[]> ifd0, int gpsPointer, List<int[]> gps, List<int[]> ifd1) {
            int ifd0At = 8;
            int gpsAt = ifd0At + size(ifd0);
            int ifd1At = gpsAt + size(gps);
            int valuesAt = ifd1At + size(ifd1);
            ifd0.get(gpsPointer)[3] = gpsAt;
            ByteBuffer b = ByteBuffer.allocate(valuesAt + values.size());
            b.put(new byte[] {'M', 'M', 0, 42}).putInt(ifd0At);
            writeIfd(b, ifd0, ifd1At, valuesAt);
            writeIfd(b, gps, 0, valuesAt);
            writeIfd(b, ifd1, 0, valuesAt);
            b.put(values.toByteArray());
            return b.array();
        }

        private static int size(List<int[]> entries) {
            return 2 + 12 * entries.size() + 4;
        }

        private void writeIfd(ByteBuffer b, List<int[]> entries, int next, int valuesAt) {
            b.putShort((short) entries.size());
            for (int[] e : entries) {
                int value = e[3] < 0 ? valuesAt + valueOffsets.get(-e[3] - 1) : e[3];
                b.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]).putInt(value);
            }
            b.putInt(next);
        }
    }
}
