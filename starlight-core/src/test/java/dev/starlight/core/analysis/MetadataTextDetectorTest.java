package dev.starlight.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.Evidence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class MetadataTextDetectorTest {
    private static final String LONG = "This is a hidden message that is long enough to be a message, "
            + "not a caption: it goes on and on about nothing in particular.";
    private final MetadataTextDetector detector = new MetadataTextDetector();

    private Evidence run(byte[] file) {
        return detector.analyse(ImageCodecs.decode(file), file).get(0);
    }

    private static byte[] text(String keyword, String value) {
        return (keyword + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] withExif(byte[] userCommentValue) {
        byte[] png = ContainerFixtures.png();
        return ImageCodecs.writer(ImageFormat.PNG).replaceExif(png,
                ContainerFixtures.tiffWithUserComment(userCommentValue));
    }

    @Test
    void longPngTextCommentScoresHighAndNamesTheField() {
        Evidence e = run(ContainerFixtures.withChunk(ContainerFixtures.png(), "tEXt", text("Comment", LONG)));
        assertThat(e.detector()).isEqualTo("meta");
        assertThat(e.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(e.detail()).contains("tEXt:Comment").contains(LONG.length() + " chars");
    }

    @Test
    void compressedPngTextIsInflatedAndJudged() throws Exception {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
            d.write(LONG.getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] body = ContainerFixtures.append(("Description\0\0").getBytes(StandardCharsets.ISO_8859_1), z.toByteArray());
        Evidence e = run(ContainerFixtures.withChunk(ContainerFixtures.png(), "zTXt", body));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void softwareAndShortTitleScoreLow() {
        byte[] png = ContainerFixtures.withChunk(ContainerFixtures.png(), "tEXt", text("Software", "GIMP 2.10.36"));
        png = ContainerFixtures.withChunk(png, "tEXt", text("Title", "Holiday 2023"));
        assertThat(run(png).score()).isLessThan(0.5);
    }

    @Test
    void unicodeUserCommentIsDecodedAndLongTextScoresHigh() {
        byte[] value = ContainerFixtures.append("UNICODE\0".getBytes(StandardCharsets.US_ASCII),
                LONG.getBytes(StandardCharsets.UTF_16BE));
        Evidence e = run(withExif(value));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(e.detail()).contains("EXIF UserComment (UNICODE)").contains(LONG.length() + " chars");
    }

    @Test
    void shortOrBlankUserCommentScoresLow() {
        assertThat(run(withExif("ASCII\0\0\0Hello".getBytes(StandardCharsets.US_ASCII))).score()).isLessThan(0.5);
        assertThat(run(withExif("ASCII\0\0\0        ".getBytes(StandardCharsets.US_ASCII))).score()).isLessThan(0.5);
    }

    @Test
    void base64BlobInUserCommentScoresHigh() {
        String blob = "U2FsdGVkX19aK3JvZ2VyMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6";
        Evidence e = run(withExif(("ASCII\0\0\0" + blob).getBytes(StandardCharsets.US_ASCII)));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.detail()).contains("base64");
    }

    @Test
    void xmpUrlsAndIdentifiersAreNotFreeText() {
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description "
                + "Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/"
                + "trainedAlgorithmicMedia\" xmpMM:DocumentID=\"xmp.did:0a8d5f3c-1b2e-4c5d-9e8f-7a6b5c4d3e2f\"/>"
                + "</rdf:RDF></x:xmpmeta>";
        byte[] body = ContainerFixtures.append("XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp.getBytes(StandardCharsets.UTF_8));
        assertThat(run(ContainerFixtures.withChunk(ContainerFixtures.png(), "iTXt", body)).score()).isLessThan(0.5);
    }

    @Test
    void xmpDescriptionWithLongTextScoresHigh() {
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description><dc:description><rdf:Alt>"
                + "<rdf:li xml:lang=\"x-default\">" + LONG + "</rdf:li></rdf:Alt></dc:description>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>";
        byte[] body = ContainerFixtures.append("XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp.getBytes(StandardCharsets.UTF_8));
        Evidence e = run(ContainerFixtures.withChunk(ContainerFixtures.png(), "iTXt", body));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.detail()).contains("dc:description");
    }

    @Test
    void imageWithoutMetadataRunsWithScoreZero() {
        Evidence e = run(ContainerFixtures.jpeg());
        assertThat(e.notRunAtAll()).isFalse();
        assertThat(e.score()).isZero();
    }
}
