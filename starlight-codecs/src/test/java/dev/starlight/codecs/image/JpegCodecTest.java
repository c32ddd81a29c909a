package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.lang.ByteArrayReader;
import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpegCodecTest {
    private static final JpegDecoder DECODER = new JpegDecoder();
    private static final JpegWriter WRITER = new JpegWriter();

    /** A 20x12 RGB gradient written by the JDK JPEG writer through {@link JpegWriter#encode}. */
    static byte[] smallJpeg() {
        int w = 20;
        int h = 12;
        int[][] planes = new int[3][w * h];
        for (int i = 0; i < w * h; i++) {
            planes[0][i] = (i % w) * 12;
            planes[1][i] = (i / w) * 20;
            planes[2][i] = 128;
        }
        return WRITER.encode(new DecodedImage(ImageFormat.JPEG, w, h, 8, ColorType.RGB, planes, null, null, false,
                List.of(), List.of(), 0, null));
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = JpegCodecTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    /** A minimal TIFF with one IFD0 entry pointing to an EXIF sub-IFD holding UserComment = ASCII prefix + text. */
    static byte[] tiffWithUserComment(String text) {
        byte[] comment = ("ASCII\0\0\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        // IFD0 at 8: 1 entry ExifIFD pointer (0x8769, LONG) -> 26
        t.writeBytes(new byte[] {0, 1, (byte) 0x87, 0x69, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0});
        // EXIF IFD at 26: 1 entry UserComment (0x9286, UNDEFINED) at 44
        int n = comment.length;
        t.writeBytes(new byte[] {0, 1, (byte) 0x92, (byte) 0x86, 0, 7, (byte) (n >> 24), (byte) (n >> 16),
                (byte) (n >> 8), (byte) n, 0, 0, 0, 44, 0, 0, 0, 0});
        t.writeBytes(comment);
        return t.toByteArray();
    }

    static String userComment(byte[] tiff) throws Exception {
        Metadata md = new Metadata();
        new ExifReader().extract(new ByteArrayReader(tiff), md, 0);
        ExifSubIFDDirectory dir = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        byte[] raw = dir.getByteArray(ExifSubIFDDirectory.TAG_USER_COMMENT);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static ErrorCode codeOf(Runnable r) {
        try {
            r.run();
        } catch (StarlightException e) {
            return e.code();
        }
        return null;
    }

    @Test
    void decodesImageIoJpegAsEightBitRgbCloseToTheSource() {
        DecodedImage img = DECODER.decode(smallJpeg(), ImageLimits.DEFAULT);
        assertThat(img.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(img.width()).isEqualTo(20);
        assertThat(img.height()).isEqualTo(12);
        assertThat(img.colorType()).isEqualTo(ColorType.RGB);
        assertThat(img.bitDepth()).isEqualTo(8);
        assertThat(img.lossy()).isTrue();
        assertThat(img.trailer()).isEmpty();
        // quality 0.95: within a few levels of the source gradient
        assertThat(img.planes()[0][5]).isBetween(60 - 6, 60 + 6);
        assertThat(img.planes()[1][20 * 7]).isBetween(140 - 6, 140 + 6);
        assertThat(img.planes()[2][100]).isBetween(128 - 6, 128 + 6);
    }

    @Test
    void listsExifAndCommentSegmentsWithFileOffsetsOfTheirData() {
        byte[] base = smallJpeg();
        JpegStructure js = JpegStructure.parse(base);
        int afterApp0 = js.segments.get(1).end(); // ImageIO writes APP0 JFIF right after SOI
        assertThat(js.segments.get(1).marker()).isEqualTo(0xE0);
        byte[] tiff = tiffWithUserComment("hello");
        byte[] com = "a comment".getBytes(StandardCharsets.US_ASCII);
        byte[] comSeg = concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) (com.length + 2)}, com);
        byte[] file = concat(Arrays.copyOfRange(base, 0, afterApp0), comSeg,
                Arrays.copyOfRange(base, afterApp0, base.length));
        file = WRITER.replaceExif(file, tiff);
        DecodedImage img = DECODER.decode(file, ImageLimits.DEFAULT);
        List<MetadataSegment> md = img.metadata();
        assertThat(md).extracting(MetadataSegment::kind).containsExactly(MetadataSegment.Kind.OTHER,
                MetadataSegment.Kind.EXIF, MetadataSegment.Kind.COMMENT);
        assertThat(md.get(0).key()).isEqualTo("APP0");
        assertThat(md.get(0).offset()).isEqualTo(6);
        assertThat(new String(md.get(0).data(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("JFIF\0");
        // EXIF APP1 inserted right after APP0: FF E1 len(2) "Exif\0\0" then TIFF
        MetadataSegment exif = md.get(1);
        assertThat(exif.key()).isEqualTo("APP1");
        assertThat(exif.offset()).isEqualTo(afterApp0 + 4 + 6);
        assertThat(exif.data()).isEqualTo(tiff);
        assertThat(Arrays.copyOfRange(file, (int) exif.offset(), (int) exif.offset() + tiff.length)).isEqualTo(tiff);
        MetadataSegment comment = md.get(2);
        assertThat(comment.key()).isEqualTo("COM");
        assertThat(comment.offset()).isEqualTo(afterApp0 + 4 + 6 + tiff.length + 4);
        assertThat(comment.data()).isEqualTo(com);
        assertThat(img.imageEnd()).isEqualTo(file.length);
    }

    @Test
    void replaceExifReplacesTheExistingSegmentAndKeepsEveryOtherByte() throws Exception {
        byte[] base = smallJpeg();
        byte[] first = WRITER.replaceExif(base, tiffWithUserComment("one"));
        byte[] second = WRITER.replaceExif(first, tiffWithUserComment("a longer message"));
        byte[] expected = WRITER.replaceExif(base, tiffWithUserComment("a longer message"));
        assertThat(second).isEqualTo(expected);
        assertThat(second.length - base.length).isEqualTo(4 + 6 + tiffWithUserComment("a longer message").length);
        DecodedImage img = DECODER.decode(second, ImageLimits.DEFAULT);
        List<MetadataSegment> exif = img.metadata().stream()
                .filter(m -> m.kind() == MetadataSegment.Kind.EXIF).toList();
        assertThat(exif).hasSize(1);
        assertThat(userComment(exif.get(0).data())).isEqualTo("ASCII\0\0\0a longer message");
        // everything but the segment is the original
        int segStart = (int) exif.get(0).offset() - 10;
        int segEnd = (int) exif.get(0).offset() + exif.get(0).data().length;
        assertThat(Arrays.copyOfRange(second, 0, segStart)).isEqualTo(Arrays.copyOfRange(base, 0, segStart));
        assertThat(Arrays.copyOfRange(second, segEnd, second.length))
                .isEqualTo(Arrays.copyOfRange(base, segStart, base.length));
    }

    @Test
    void replaceExifRefusesATiffBlockLargerThanOneSegment() {
        byte[] big = new byte[JpegWriter.MAX_TIFF + 1];
        System.arraycopy(tiffWithUserComment("x"), 0, big, 0, 8);
        assertThat(codeOf(() -> WRITER.replaceExif(smallJpeg(), big))).isEqualTo(ErrorCode.CAPACITY_EXCEEDED);
        byte[] fits = Arrays.copyOf(big, JpegWriter.MAX_TIFF);
        byte[] out = WRITER.replaceExif(smallJpeg(), fits);
        assertThat(DECODER.decode(out, ImageLimits.DEFAULT).metadata().get(1).data()).hasSize(JpegWriter.MAX_TIFF);
    }

    @Test
    void replaceSamplesIsNotApplicableToLossyJpeg() {
        byte[] jpg = smallJpeg();
        DecodedImage img = DECODER.decode(jpg, ImageLimits.DEFAULT);
        assertThat(codeOf(() -> WRITER.replaceSamples(jpg, img))).isEqualTo(ErrorCode.METHOD_NOT_APPLICABLE);
    }

    @Test
    void trailerAfterEoiIsReturnedExactlyEvenWhenItHoldsAnotherJpeg() {
        byte[] jpg = smallJpeg();
        byte[] trailer = concat("PK\3\4 zip-ish \u00ff\u00d9 bytes ".getBytes(StandardCharsets.ISO_8859_1), jpg);
        DecodedImage img = DECODER.decode(concat(jpg, trailer), ImageLimits.DEFAULT);
        assertThat(img.imageEnd()).isEqualTo(jpg.length);
        assertThat(img.trailer()).isEqualTo(trailer);
    }

    @Test
    void eoiInsideAnExifThumbnailDoesNotEndTheImage() {
        byte[] jpg = smallJpeg();
        // an APP1 whose payload holds a complete thumbnail JPEG (with its own FFD9)
        byte[] tiffish = concat(tiffWithUserComment("t"), jpg);
        byte[] file = WRITER.replaceExif(jpg, tiffish);
        DecodedImage img = DECODER.decode(file, ImageLimits.DEFAULT);
        assertThat(img.imageEnd()).isEqualTo(file.length);
        assertThat(img.trailer()).isEmpty();
    }

    @Test
    void progressiveFixtureDecodesWithItsSize() throws IOException {
        DecodedImage img = DECODER.decode(fixture("progressive.jpg"), ImageLimits.DEFAULT);
        assertThat(img.width()).isEqualTo(37);
        assertThat(img.height()).isEqualTo(23);
        assertThat(img.colorType()).isEqualTo(ColorType.RGB);
        assertThat(img.frames().get(0).interlaced()).isTrue();
        assertThat(JpegStructure.parse(fixture("progressive.jpg")).scans).isGreaterThan(1);
        // source pixel (0,0) is (0, 0, 0..20): dark
        assertThat(img.planes()[0][0]).isLessThan(40);
    }

    @Test
    void greyFixtureDecodesToOneGreyPlane() throws IOException {
        DecodedImage img = DECODER.decode(fixture("grey.jpg"), ImageLimits.DEFAULT);
        assertThat(img.colorType()).isEqualTo(ColorType.GREY);
        assertThat(img.planes()).hasNumberOfRows(1);
        assertThat(img.planes()[0]).hasSize(37 * 23);
        // source value at (10, 4) is 10*5 + 4*3 = 62
        assertThat(img.planes()[0][4 * 37 + 10]).isBetween(62 - 8, 62 + 8);
    }

    @Test
    void fourComponentJpegDecodesToRgbPlanes() throws IOException {
        // the JDK writer writes a 4-band raster as a 4-component frame (no JFIF/Adobe marker: read as CMYK)
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createBandedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 16, 8, 4, null);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setPixel(x, y, new int[] {x * 16, y * 30, 0, 0});
            }
        }
        javax.imageio.ImageWriter w = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            w.write(null, new javax.imageio.IIOImage(raster, null, null), null);
        }
        byte[] jpg = bytes.toByteArray();
        assertThat(JpegStructure.parse(jpg).components).isEqualTo(4);
        DecodedImage img = DECODER.decode(jpg, ImageLimits.DEFAULT);
        assertThat(img.colorType()).isEqualTo(ColorType.RGB);
        assertThat(img.planes()).hasNumberOfRows(3);
        assertThat(img.planes()[0]).hasSize(128);
    }

    /** Returns the offset of the SOF0 segment's payload in {@code jpg}. */
    private static int sofData(byte[] jpg) {
        return JpegStructure.parse(jpg).segments.stream().filter(s -> s.marker() == 0xC0).findFirst()
                .orElseThrow().dataOffset();
    }

    @Test
    void sofDeclaring65535Squared_isTooLarge() {
        byte[] jpg = smallJpeg();
        int sof = sofData(jpg);
        jpg[sof + 1] = (byte) 0xFF;
        jpg[sof + 2] = (byte) 0xFF;
        jpg[sof + 3] = (byte) 0xFF;
        jpg[sof + 4] = (byte) 0xFF;
        assertThatThrownBy(() -> DECODER.decode(jpg, ImageLimits.DEFAULT))
                .isInstanceOf(ImageDecodeException.class)
                .satisfies(e -> assertThat(((ImageDecodeException) e).code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessageContaining("65535x65535");
    }

    @Test
    void pixelLimitIsCheckedFromTheSofHeader() {
        assertThat(codeOf(() -> DECODER.decode(smallJpeg(), ImageLimits.DEFAULT.withMaxPixels(239))))
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(DECODER.decode(smallJpeg(), ImageLimits.DEFAULT.withMaxPixels(240)).pixelCount()).isEqualTo(240);
    }

    @Test
    void twelveBitLosslessAndHierarchicalFramesAreUnsupportedFeatures() {
        byte[] jpg = smallJpeg();
        int sof = sofData(jpg);
        byte[] twelve = jpg.clone();
        twelve[sof] = 12;
        assertThat(codeOf(() -> DECODER.decode(twelve, ImageLimits.DEFAULT))).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
        // SOF9 and SOF10 (arithmetic sequential and progressive) are decoded: JpegCompatibilityTest
        for (int marker : new int[] {0xC3, 0xC5, 0xCB, 0xCF}) {
            byte[] other = jpg.clone();
            other[sof - 3] = (byte) marker;
            assertThat(codeOf(() -> DECODER.decode(other, ImageLimits.DEFAULT))).as("SOF %x", marker)
                    .isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
        }
    }

    @Test
    void segmentLengthPastTheEndIsTruncated() {
        byte[] jpg = smallJpeg();
        // APP0 at offset 2: claim 0xFFF0 bytes in a file that is shorter
        byte[] lying = Arrays.copyOf(jpg, jpg.length);
        lying[4] = (byte) 0xFF;
        lying[5] = (byte) 0xF0;
        assertThatThrownBy(() -> DECODER.decode(lying, ImageLimits.DEFAULT))
                .isInstanceOf(ImageDecodeException.class)
                .satisfies(e -> assertThat(((ImageDecodeException) e).code()).isEqualTo(ErrorCode.TRUNCATED))
                .hasMessageContaining("offset 2");
    }

    @Test
    void garbageBetweenSegmentsAndEoiBeforeAnyScanAreMalformed() {
        byte[] jpg = smallJpeg();
        byte[] garbage = jpg.clone();
        garbage[20] = 0x12; // APP0 ends at 20: the next byte must be 0xFF
        assertThat(codeOf(() -> DECODER.decode(garbage, ImageLimits.DEFAULT))).isEqualTo(ErrorCode.MALFORMED);
        byte[] early = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        assertThat(codeOf(() -> DECODER.decode(early, ImageLimits.DEFAULT))).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void everyPrefixOfAValidFileFailsWithACodeOrOnceInsideTheScansDecodesAsTruncated() throws IOException {
        for (byte[] jpg : List.of(smallJpeg(), fixture("progressive.jpg"))) {
            int firstScan = JpegStructure.parse(jpg).segments.stream().filter(s -> s.marker() == JpegStructure.SOS)
                    .findFirst().orElseThrow().end();
            for (int len = 0; len < jpg.length; len++) {
                byte[] prefix = Arrays.copyOf(jpg, len);
                try {
                    DecodedImage image = DECODER.decode(prefix, ImageLimits.DEFAULT);
                    assertThat(len).as("prefix of %d bytes decoded", len).isGreaterThanOrEqualTo(firstScan);
                    assertThat(image.truncated()).as("prefix of %d bytes", len).isTrue();
                } catch (StarlightException e) {
                    assertThat(e.code()).as("prefix of %d bytes", len).isIn(ErrorCode.TRUNCATED, ErrorCode.MALFORMED);
                }
            }
        }
    }

    @Test
    void corruptedEntropyDataNeverThrowsAnythingButACode() {
        byte[] jpg = smallJpeg();
        JpegStructure js = JpegStructure.parse(jpg);
        int scan = js.segments.stream().filter(s -> s.marker() == 0xDA).findFirst().orElseThrow().end();
        java.util.Random rnd = new java.util.Random(1);
        for (int k = 0; k < 150; k++) {
            byte[] bad = jpg.clone();
            int at = rnd.nextInt(jpg.length - 2);
            bad[at] = (byte) rnd.nextInt(256);
            try {
                DECODER.decode(bad, ImageLimits.DEFAULT);
            } catch (StarlightException e) {
                assertThat(e.code()).isNotNull().isNotEqualTo(ErrorCode.INTERNAL);
            }
        }
        assertThat(scan).isLessThan(jpg.length);
    }

    @Test
    void encodeWritesAJpegOfTheSameSizeThatDecodes() {
        int[][] grey = {new int[] {0, 50, 100, 150, 200, 250}};
        byte[] jpg = WRITER.encode(new DecodedImage(ImageFormat.PNG, 3, 2, 8, ColorType.GREY, grey, null, null, false,
                List.of(), List.of(), 0, null));
        DecodedImage img = DECODER.decode(jpg, ImageLimits.DEFAULT);
        assertThat(img.colorType()).isEqualTo(ColorType.GREY);
        assertThat(img.width()).isEqualTo(3);
        assertThat(img.height()).isEqualTo(2);
    }
}
