package dev.starlight.codecs.image.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageLimits;
import dev.starlight.codecs.image.MetadataSegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmpPacketTest {
    private static final String PACKET = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/ and a long namespace"><rdf:RDF>
            <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" tiff:Make="a camera maker &amp; sons"
              xmp:Short="short">
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">a caption &lt;with&gt; entities</rdf:li></rdf:Alt>
            </dc:description></rdf:Description></rdf:RDF></x:xmpmeta>""";

    @Test
    void attributesThenElementTextsEachWithTheirPropertyAndEntitiesResolved() {
        XmpPacket xmp = XmpPacket.of(PACKET);
        assertThat(xmp.length()).isEqualTo(PACKET.length());
        assertThat(xmp.properties()).containsExactly(
                new XmpPacket.Property("tiff:Make", "a camera maker & sons"),
                new XmpPacket.Property("dc:description", "a caption <with> entities"));
    }

    @Test
    void textOutsideAnyPropertyBelongsToQuestionMark() {
        assertThat(XmpPacket.of("<a>free text outside properties</a>").properties())
                .containsExactly(new XmpPacket.Property("?", "free text outside properties"));
    }

    @Test
    void onlyTheFirstScanCapCharactersAreSearched() {
        String filler = " ".repeat(ImageLimits.MAX_XMP_SCAN_CHARS);
        String xmp = filler + "<dc:title>a title past the scan cap</dc:title>";
        XmpPacket packet = XmpPacket.of(xmp);
        assertThat(packet.properties()).isEmpty();
        assertThat(packet.length()).isEqualTo(xmp.length());
    }

    @Test
    void damagedPacketsGiveWhatTheyHold() {
        assertThat(XmpPacket.of("<dc:title>unterminated text that never closes").properties()).isEmpty();
        assertThat(XmpPacket.of("").properties()).isEmpty();
        assertThat(XmpPacket.of(" dc:title=\"an attribute of a broken tag\"").properties())
                .containsExactly(new XmpPacket.Property("dc:title", "an attribute of a broken tag"));
    }

    @Test
    void xmpInAPngInternationalTextChunkIsReadFromItsText() {
        byte[] body = ("XML:com.adobe.xmp\0\0\0\0\0" + PACKET).getBytes(StandardCharsets.UTF_8);
        MetadataSegment segment = new MetadataSegment(MetadataSegment.Kind.XMP, "iTXt:XML:com.adobe.xmp", 0, body);
        assertThat(XmpPacket.read(segment)).isEqualTo(XmpPacket.of(PACKET));
        MetadataSegment app1 = new MetadataSegment(MetadataSegment.Kind.XMP, "APP1", 0,
                PACKET.getBytes(StandardCharsets.UTF_8));
        assertThat(XmpPacket.read(app1)).isEqualTo(XmpPacket.of(PACKET));
    }
}
