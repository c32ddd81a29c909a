package dev.starlight.core.analysis;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.FrameInfo;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.Palette;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/** Small files for the container detectors' tests, built in code. */
final class ContainerFixtures {
    private ContainerFixtures() {
    }

    static byte[] png() {
        return SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 32, 32, false, 8, 1));
    }

    static byte[] jpeg() {
        return SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.JPEG, 32, 32, false, 8, 2));
    }

    static byte[] append(byte[] file, byte[] tail) {
        byte[] out = java.util.Arrays.copyOf(file, file.length + tail.length);
        System.arraycopy(tail, 0, out, file.length, tail.length);
        return out;
    }

    /** The PNG with one more chunk right after IHDR (signature 8 bytes + IHDR 25 bytes). */
    static byte[] withChunk(byte[] png, String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        u32(out, data.length);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        u32(out, (int) crc.getValue());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    /**
     * A big-endian TIFF with IFD0 holding only the Exif IFD pointer, and the Exif IFD holding only UserComment
     * (UNDEFINED) with the given value (charset prefix included).
     */
    static byte[] tiffWithUserComment(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'M', 0, 0x2A});
        u32(out, 8);
        u16(out, 1);
        u16(out, 0x8769);
        u16(out, 4);
        u32(out, 1);
        u32(out, 26);
        u32(out, 0);
        u16(out, 1);
        u16(out, 0x9286);
        u16(out, 7);
        u32(out, value.length);
        u32(out, 44);
        u32(out, 0);
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** An indexed image whose pixels use every entry of the palette, in blocks. */
    static DecodedImage indexed(ImageFormat format, int[] rgb, int width, int height) {
        Palette palette = new Palette(rgb, null);
        int[] indices = new int[width * height];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (i / 4) % rgb.length;
        }
        return new DecodedImage(format, width, height, 8, ColorType.INDEXED, palette.expand(indices), palette,
                indices, false, List.of(), List.of(new FrameInfo(0, 0, 0, width, height, 0, false, false)), 0,
                new byte[0]);
    }

    static DecodedImage roundTrip(DecodedImage image) {
        return ImageCodecs.decode(SyntheticImages.encode(image));
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static void u32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
