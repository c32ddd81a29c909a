package dev.starlight.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.FrameInfo;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.core.scan.Verdict;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every layout the search tries finds a message written in it, exactly, through a real PNG or GIF file. */
class LsbSearchTest {

    @Test
    void everyLayoutOfAnRgbaImageGivesBackATerminatedTextWrittenInIt() {
        assertEveryLayoutFound(SyntheticImages.rgb(ImageFormat.PNG, 96, 80, true, 8, 11), 72);
    }

    @Test
    void everyLayoutOfRgbGreyAndGreyAlphaImagesGivesBackATerminatedText() {
        assertEveryLayoutFound(SyntheticImages.rgb(ImageFormat.PNG, 64, 70, false, 8, 12), 40);
        assertEveryLayoutFound(grey(ImageFormat.PNG, 72, 64, false, 13), 8);
        assertEveryLayoutFound(grey(ImageFormat.PNG, 64, 64, true, 14), 24);
    }

    @Test
    void everyLayoutOfPaletteIndicesInAGifGivesBackATerminatedText() {
        assertEveryLayoutFound(SyntheticImages.indexed(ImageFormat.GIF, 120, 100, 64, 15), 8);
    }

    @Test
    void textDominatedByOneCharacterIsNotAMessage() {
        // the 2-bit index plane of a clean dithered GIF in the zoo's larger held-out split, read as bytes
        byte[] dithered = "UWUWWUUUUU]UUUUUUUUeUUUeYVp".getBytes(StandardCharsets.US_ASCII);
        assertThat(TextTest.score(dithered, 12)).isZero();
        byte[] message = "Meet me at the old mill at noon, bring the documents.".getBytes(StandardCharsets.US_ASCII);
        assertThat(TextTest.score(message, 12)).isGreaterThan(0.9);
    }

    @Test
    void sixteenBitSamplesAreReadAtTheirOwnLowBits() {
        assertEveryLayoutFound(SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 16, 16), 40);
    }

    @Test
    void filesCompressedStreamsAndCountedTextAreRecognisedByStructureAndGivenExactly() throws Exception {
        List<byte[]> payloads = List.of(zlib(text(300)), gzip(text(200)), SyntheticImages.encode(
                SyntheticImages.rgb(ImageFormat.PNG, 12, 9, false, 8, 3)), SyntheticImages.encode(
                SyntheticImages.indexed(ImageFormat.GIF, 10, 10, 16, 4)), jpeg(), zip(false), zip(true), pdf());
        List<String> kinds = List.of("zlib stream", "gzip stream", "png file", "gif file", "jpeg file", "zip archive",
                "zip archive", "pdf file");
        List<LsbLayout> layouts = List.of(new LsbLayout("bgr", 1, true, false), new LsbLayout("rgba", 2, false, true),
                new LsbLayout("g", 1, false, false), new LsbLayout("rgb", 1, false, true));
        for (int i = 0; i < payloads.size(); i++) {
            for (LsbLayout layout : layouts) {
                DecodedImage cover = SyntheticImages.rgb(ImageFormat.PNG, 128, 128, true, 8, 100 + i);
                Recognised r = foundAfterPng(cover, layout, payloads.get(i));
                assertThat(r.layout()).isEqualTo("lsb.seq " + layout.label());
                assertThat(r.what()).startsWith(kinds.get(i));
                assertThat(r.payload()).isEqualTo(payloads.get(i));
            }
        }
    }

    @Test
    void aBzip2StreamMadeByTheBzip2ToolIsFollowedToItsEndMarkerAndGivenExactly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/bzip2")),
                "bzip2 not installed: bzip2 check skipped");
        for (int size : List.of(40, 2000, 9000)) {
            Process p = new ProcessBuilder("/usr/bin/bzip2", "-c").start();
            p.getOutputStream().write(text(size));
            p.getOutputStream().close();
            byte[] bz = p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
            Recognised r = foundAfterPng(SyntheticImages.rgb(ImageFormat.PNG, 200, 200, false, 8, size),
                    new LsbLayout("rgb", 2, false, false), bz);
            assertThat(r.what()).startsWith("bzip2 stream");
            assertThat(r.payload()).isEqualTo(bz);
            bz[bz.length - 2] ^= 0x10; // the combined CRC
            DecodedImage cover = SyntheticImages.rgb(ImageFormat.PNG, 200, 200, false, 8, size);
            LayoutWriter.write(cover, new LsbLayout("rgb", 2, false, false), bz);
            // its printable header may still read as a short text, but never as a bzip2 stream
            assertThat(LsbSearch.find(ImageCodecs.decode(SyntheticImages.encode(cover))).map(Recognised::what)
                    .orElse("nothing")).doesNotContain("bzip2");
        }
    }

    @Test
    void aLengthHeaderInEitherByteOrderCountsTextOrAFile() throws Exception {
        byte[] message = "A counted message, no terminator after it".getBytes(StandardCharsets.UTF_8);
        byte[] file = gzip(text(90));
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            for (byte[] body : List.of(message, file)) {
                byte[] framed = ByteBuffer.allocate(4 + body.length).order(order).putInt(body.length).put(body).array();
                LsbLayout layout = new LsbLayout("b", 2, true, order == ByteOrder.BIG_ENDIAN);
                Recognised r = foundAfterPng(SyntheticImages.rgb(ImageFormat.PNG, 80, 80, false, 8, 5), layout, framed);
                assertThat(r.payload()).isEqualTo(body);
                assertThat(r.what()).startsWith(order == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian");
            }
        }
    }

    @Test
    void aDamagedStructureIsNotAMessage() throws Exception {
        byte[] png = SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 12, 9, false, 8, 3));
        png[40] ^= 1; // inside IDAT: its CRC no longer agrees
        byte[] z = zlib(text(300));
        z[z.length - 1] ^= 1; // the Adler-32
        for (byte[] bad : List.of(png, z)) {
            DecodedImage cover = SyntheticImages.rgb(ImageFormat.PNG, 128, 128, false, 8, 9);
            LayoutWriter.write(cover, new LsbLayout("r", 1, false, true), bad);
            assertThat(LsbSearch.find(ImageCodecs.decode(SyntheticImages.encode(cover)))).isEmpty();
        }
    }

    @Test
    void theScannerReportsASearchFindAsARecoveredMessageWithItsLayout() {
        DecodedImage cover = SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, 21);
        String message = "found by the search, not by the protocol";
        byte[] nul = (message + "\0").getBytes(StandardCharsets.UTF_8);
        LayoutWriter.write(cover, new LsbLayout("bgr", 1, false, true), nul);
        byte[] file = SyntheticImages.encode(cover);
        ScanResult result = new Scanner().scan(file);
        assertThat(result.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(result.method()).isEqualTo("lsb.rgb");
        assertThat(result.bitOrder()).isEqualTo("msb-first");
        assertThat(result.payload().text()).isEqualTo(message);
        assertThat(result.evidence()).anyMatch(e -> e.detector().equals("extract.lsb.rgb")
                && e.detail().startsWith("lsb.seq b1,bgr,xy,msb-first: text terminated by 0x00"));
        Extraction e = Protocol.messages(file, ImageCodecs.decode(file)).get(0);
        assertThat(e.layout()).isEqualTo("lsb.seq b1,bgr,xy,msb-first");
    }

    @Test
    void aProtocolMessageIsReportedByItsMethodAndTheSearchDoesNotRun() {
        DecodedImage cover = SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, 22);
        LayoutWriter.write(cover, new LsbLayout("rgb", 1, false, false),
                "protocol lsb.rgb message\0".getBytes(StandardCharsets.UTF_8));
        byte[] file = SyntheticImages.encode(cover);
        List<Extraction> found = Protocol.extractAll(file, ImageCodecs.decode(file));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).method()).isEqualTo(Method.LSB_RGB);
        assertThat(found.get(0).layout()).isNull();
    }

    @Test
    void lossyImagesAreNotSearched() {
        DecodedImage jpeg = ImageCodecs.decode(SyntheticImages.encode(
                SyntheticImages.rgb(ImageFormat.JPEG, 64, 64, false, 8, 1)));
        assertThat(jpeg.lossy()).isTrue();
        assertThat(LsbSearch.find(jpeg)).isEmpty();
    }

    private static void assertEveryLayoutFound(DecodedImage template, int expectedLayouts) {
        List<LsbLayout> layouts = LsbSearch.layouts(template);
        assertThat(layouts).hasSize(expectedLayouts);
        List<String> failures = new ArrayList<>();
        int seed = 0;
        for (LsbLayout layout : layouts) {
            DecodedImage cover = copy(template);
            String message = "Layout " + layout.label() + " carries this message #" + seed++;
            byte[] nul = (message + "\0").getBytes(StandardCharsets.UTF_8);
            LayoutWriter.write(cover, layout, nul);
            DecodedImage decoded = ImageCodecs.decode(SyntheticImages.encode(cover));
            Optional<Recognised> r = LsbSearch.find(decoded);
            if (r.isEmpty() || !r.get().layout().equals("lsb.seq " + layout.label())
                    || !new String(r.get().payload(), StandardCharsets.UTF_8).equals(message)) {
                failures.add(layout.label() + " -> " + r.map(x -> x.layout() + " " + x.what()).orElse("nothing"));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static Recognised foundAfterPng(DecodedImage cover, LsbLayout layout, byte[] data) {
        LayoutWriter.write(cover, layout, data);
        Optional<Recognised> r = LsbSearch.find(ImageCodecs.decode(SyntheticImages.encode(cover)));
        assertThat(r).as("%s in %s", data.length, layout).isPresent();
        return r.get();
    }

    static DecodedImage grey(ImageFormat format, int width, int height, boolean alpha, long seed) {
        Random random = new Random(seed);
        int[][] p = new int[alpha ? 2 : 1][width * height];
        for (int i = 0; i < width * height; i++) {
            p[0][i] = Math.max(0, Math.min(255, (i % width + i / width) + (int) (random.nextGaussian() * 4)));
            if (alpha) {
                p[1][i] = 200 + random.nextInt(56);
            }
        }
        return new DecodedImage(format, width, height, 8, alpha ? ColorType.GREY_ALPHA : ColorType.GREY, p, null,
                null, false, List.of(), List.of(new FrameInfo(0, 0, 0, width, height, 0, false, false)), 0, new byte[0]);
    }

    private static DecodedImage copy(DecodedImage image) {
        int[][] planes = new int[image.planes().length][];
        for (int i = 0; i < planes.length; i++) {
            planes[i] = image.planes()[i].clone();
        }
        return image.withSamples(planes, image.indices() == null ? null : image.indices().clone());
    }

    static byte[] text(int n) {
        StringBuilder s = new StringBuilder();
        Random random = new Random(n);
        String[] words = {"lorem", "ipsum", "steganography", "pixel", "hidden", "message", "över", "日本語"};
        while (s.length() < n) {
            s.append(words[random.nextInt(words.length)]).append(' ');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zlib(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    /** A zip of two entries; {@code streamed} deflates with data descriptors (as ZipOutputStream does), else stores. */
    private static byte[] zip(boolean streamed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : List.of("a.txt", "b/secret.md")) {
                byte[] data = text(name.length() * 20);
                ZipEntry entry = new ZipEntry(name);
                if (!streamed) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(data);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    entry.setCompressedSize(data.length);
                    entry.setCrc(crc.getValue());
                }
                z.putNextEntry(entry);
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 256; i++) {
            image.setRGB(i % 16, i / 16, i * 0x010203);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] "
                + "/Count 0 >>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n"
                + "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}
