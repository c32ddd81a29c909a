package dev.starlight.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.Evidence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The metadata policy through the {@code meta} detector, on files whose metadata is written byte for byte as the
 * real writers lay it out (PNG text chunks as Pillow writes them for A1111 and ComfyUI, EXIF UserComment as cameras
 * and exiftool write it, JPEG COM as editors write it). At or above 0.9 the {@code meta} structural rule says stego.
 */
class MetadataTextDetectorTest {
    /** A real caption, 123 characters: the longest one measured (a Debian wallpaper's UserComment and COM). */
    static final String REAL_CAPTION = "Colorful cups. Aarhus, Denmark. SONY NEX-3N, SONY E 16-50mm f/3.5-5.6 PZ OSS "
            + "SELP1650. Processed in digiKam with 01 preset.";
    static final String POEM = "Starlight Project Reflection\n\nThe Starlight plan unfolds tonight,\nA map drawn not by "
            + "common sight.";
    static final String A1111 = "a lighthouse on a cliff at dusk, masterpiece, best quality, ultra detailed, 8k, "
            + "photorealistic, cinematic lighting, depth of field, (intricate details:1.2), <lora:add_detail:0.6>\n"
            + "Negative prompt: lowres, bad anatomy, bad hands, text, error, missing fingers, extra digit, cropped, "
            + "worst quality, low quality, jpeg artifacts, signature, watermark, blurry, (deformed iris:1.4)\n"
            + "Steps: 30, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234567890, Size: 512x768, Model hash: "
            + "6ce0161689, Model: realisticVisionV51, Denoising strength: 0.4, Clip skip: 2, Version: v1.6.0";
    private final MetadataTextDetector detector = new MetadataTextDetector();

    private Evidence run(byte[] file) {
        return detector.analyse(ImageCodecs.decode(file), file).get(0);
    }

    private static byte[] text(String keyword, String value) {
        return (keyword + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] withExif(byte[] userCommentValue) {
        return ImageCodecs.writer(ImageFormat.PNG).replaceExif(ContainerFixtures.png(),
                ContainerFixtures.tiffWithUserComment(userCommentValue));
    }

    private static byte[] ascii(String s) {
        return ("ASCII\0\0\0" + s).getBytes(StandardCharsets.UTF_8);
    }

    /** A JPEG with a COM segment right after SOI, as editors write it. */
    static byte[] jpegWithComment(byte[] comment) {
        byte[] jpeg = ContainerFixtures.jpeg();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        out.write((comment.length + 2) >>> 8);
        out.write(comment.length + 2);
        out.writeBytes(comment);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] b) throws Exception {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
            d.write(b);
        }
        return z.toByteArray();
    }

    @Test
    void stableDiffusionParametersAreReportedWithTheirTextButAreNotStego() {
        Evidence e = run(ContainerFixtures.withChunk(ContainerFixtures.png(), "tEXt", text("parameters", A1111)));
        assertThat(e.score()).isLessThan(0.9);
        assertThat(e.detail()).contains("tEXt:parameters").contains("\"a lighthouse on a cliff at dusk");
    }

    @Test
    void comfyUiWorkflowJsonAndCompressedLicenceTextAreNotStego() throws Exception {
        StringBuilder workflow = new StringBuilder("{\"last_node_id\": 9, \"nodes\": [");
        for (int i = 0; i < 200; i++) {
            workflow.append("{\"id\": ").append(i).append(", \"type\": \"KSampler\", \"widgets_values\": [")
                    .append(1_000_003L * i).append(", \"randomize\", 30, 7, \"dpmpp_2m\", \"karras\", 1]},");
        }
        workflow.append("{}]}");
        String licence = "GNU GENERAL PUBLIC LICENSE\n   Version 3, 29 June 2007\n\f\n  Preamble\n\n  The GNU General "
                + "Public License is a free, copyleft license for software and other kinds of works.\n".repeat(20);
        byte[] png = ContainerFixtures.withChunk(ContainerFixtures.png(), "tEXt", text("workflow", workflow.toString()));
        byte[] body = ContainerFixtures.append("Copyright\0\0".getBytes(StandardCharsets.ISO_8859_1),
                deflate(licence.getBytes(StandardCharsets.ISO_8859_1)));
        png = ContainerFixtures.withChunk(png, "zTXt", body);
        assertThat(run(png).score()).isLessThan(0.9);
    }

    @Test
    void realCaptionInUserCommentAndEditorCommentAreNotStego() {
        assertThat(run(withExif(ascii(REAL_CAPTION))).score()).isLessThan(0.9);
        assertThat(run(withExif(ascii("Screenshot"))).score()).isLessThan(0.9);
        assertThat(run(withExif(ascii(" ".repeat(200)))).score()).isLessThan(0.9);
        assertThat(run(jpegWithComment("CREATOR: gd-jpeg v1.0 (using IJG JPEG v62), quality = 90\n"
                .getBytes(StandardCharsets.US_ASCII))).score()).isLessThan(0.9);
    }

    @Test
    void gimpXmpPacketInAComSegmentIsReadAsXmpNotAsALongComment() {
        String xmp = "XML:com.adobe.xmp: <?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta "
                + "xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description xmpMM:DocumentID=\"gimp:docid:gimp:"
                + "0a8d5f3c-1b2e-4c5d\" GIMP:API=\"2.0\"/></rdf:RDF></x:xmpmeta>" + " ".repeat(2000);
        assertThat(run(jpegWithComment(xmp.getBytes(StandardCharsets.UTF_8))).score()).isLessThan(0.9);
    }

    @Test
    void multiLineTextInUserCommentIsStegoAndQuoted() {
        Evidence e = run(withExif(ascii(POEM)));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(e.detail()).contains("EXIF UserComment (ASCII)").contains("multi-line")
                .contains("\"Starlight Project Reflection\\n");
    }

    @Test
    void unicodeUserCommentIsDecodedBeforeItIsJudged() {
        byte[] value = ContainerFixtures.append("UNICODE\0".getBytes(StandardCharsets.US_ASCII),
                POEM.getBytes(StandardCharsets.UTF_16BE));
        assertThat(run(withExif(value)).detail()).contains("EXIF UserComment (UNICODE)").contains("multi-line");
    }

    @Test
    void singleLineCommentLongerThanCaptionsAreIsStego() {
        String longLine = (REAL_CAPTION + " ").repeat(3).strip();
        assertThat(longLine.length()).isGreaterThan(256);
        Evidence e = run(jpegWithComment(longLine.getBytes(StandardCharsets.US_ASCII)));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(e.detail()).contains("comment COM").contains("longer than captions");
    }

    @Test
    void encodedDataIsStegoInAnyFieldButAHashIsNot() {
        byte[] random = new byte[48];
        new Random(7).nextBytes(random);
        String b64 = java.util.Base64.getEncoder().encodeToString(random);
        Evidence e = run(ContainerFixtures.withChunk(ContainerFixtures.png(), "tEXt", text("Comment", b64)));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.detail()).contains("base64");
        String hex = java.util.HexFormat.of().formatHex(random);
        assertThat(run(ContainerFixtures.withChunk(ContainerFixtures.png(), "tEXt", text("Description", hex)))
                .detail()).contains("hex text");
        String sha256 = hex.substring(0, 64);
        assertThat(run(ContainerFixtures.withChunk(ContainerFixtures.png(), "tEXt", text("sha256", sha256)))
                .score()).isLessThan(0.9);
    }

    @Test
    void compressedAndRandomBytesInAComSegmentAreStego() throws Exception {
        Evidence z = run(jpegWithComment(deflate(POEM.getBytes(StandardCharsets.UTF_8))));
        assertThat(z.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(z.detail()).contains("compressed");
        byte[] random = new byte[64];
        new Random(11).nextBytes(random);
        Evidence r = run(jpegWithComment(random));
        assertThat(r.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(r.detail()).contains("high-entropy binary").contains("bytes ");
    }

    @Test
    void protocolMarkerInAPngCommentIsStego() {
        Evidence e = run(ContainerFixtures.withChunk(ContainerFixtures.png(), "tEXt", text("Comment", "AI42hello")));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.detail()).contains("AI42");
    }

    @Test
    void imageWithoutMetadataRunsWithScoreZero() {
        Evidence e = run(ContainerFixtures.jpeg());
        assertThat(e.notRunAtAll()).isFalse();
        assertThat(e.score()).isZero();
    }
}
