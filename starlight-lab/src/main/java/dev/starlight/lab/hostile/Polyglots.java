package dev.starlight.lab.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files that are two things at once, and valid bodies behind the wrong magic. */
final class Polyglots {
    private Polyglots() {
    }

    static byte[] zip(long seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("payload.txt"));
            zip.write(Bytes.ascii("polyglot payload " + seed));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("evil/../../x.sh"));
            zip.write(Bytes.ascii("#!/bin/sh\necho hi\n"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] pngZip(long seed) {
        return Bytes.concat(ValidFiles.get("png-rgb"), zip(seed));
    }

    static byte[] jpegZip(long seed) {
        return Bytes.concat(ValidFiles.get("jpeg-baseline"), zip(seed));
    }

    static byte[] jpegPdf(long seed) {
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return Bytes.concat(ValidFiles.get(seed % 2 == 0 ? "jpeg-baseline" : "jpeg-progressive"), Bytes.ascii(pdf));
    }

    /** A PNG carrying a whole JPEG in a private chunk and again after IEND. */
    static byte[] pngWithJpeg(long seed) {
        byte[] jpeg = ValidFiles.get("jpeg-baseline");
        return Bytes.concat(CraftedPng.withChunksBeforeIdat(Bytes.pngChunk("jpEG", jpeg)), jpeg);
    }

    /** A valid body of one format behind the magic bytes of another. */
    static byte[] magicSwapped(long seed) {
        Random r = new Random(seed);
        String[] variants = ValidFiles.all().keySet().toArray(String[]::new);
        byte[] body = ValidFiles.get(variants[r.nextInt(variants.length)]);
        byte[][] magics = {{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, Bytes.ascii("GIF89a"),
                {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, Bytes.ascii("BM"), Bytes.ascii("RIFF\0\0\0\0WEBP")};
        byte[] magic = magics[r.nextInt(magics.length)];
        return r.nextBoolean() ? Bytes.concat(magic, body)
                : Bytes.concat(magic, Arrays.copyOfRange(body, Math.min(body.length, magic.length), body.length));
    }

    /** A valid file with its first magic byte changed. */
    static byte[] magicBroken(long seed) {
        Random r = new Random(seed);
        String[] variants = ValidFiles.all().keySet().toArray(String[]::new);
        byte[] b = ValidFiles.get(variants[r.nextInt(variants.length)]);
        b[r.nextInt(2)] ^= (byte) (1 + r.nextInt(255));
        return b;
    }
}
