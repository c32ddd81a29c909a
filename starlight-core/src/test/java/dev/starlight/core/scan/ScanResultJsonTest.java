package dev.starlight.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.codecs.Corpus;
import dev.starlight.core.Evidence;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanResultJsonTest {

    @Test
    void jsonHasExactlyTheFieldsOfDesignMdInOrder() throws Exception {
        ScanResult r = new Scanner().scan(new byte[] {1, 2, 3});
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(ScanResultJson.write(r)).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("requestId", "sha256", "source", "format", "width", "height", "verdict",
                "stegoProbability", "method", "bitOrder", "payload", "evidence", "modelVersion", "latencyMs", "error");
    }

    @Test
    void errorResultRoundTripsThroughJson() {
        ScanResult r = new Scanner().scan(new byte[] {1, 2, 3});
        String json = ScanResultJson.write(r);
        assertThat(json).contains("\"error\":{\"code\":\"UNSUPPORTED_FORMAT\"");
        assertThat(ScanResultJson.read(json)).isEqualTo(r);
    }

    @Test
    void evidenceCarriesItsKindAsOneAddedLastField() throws Exception {
        ScanResult r = new Scanner().scan(Files.readAllBytes(Corpus.root().resolve("reference-stego/seed1_exif_004.jpg")));
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(ScanResultJson.write(r)).get("evidence").get(0).fieldNames()
                .forEachRemaining(names::add);
        assertThat(names).containsExactly("detector", "score", "detail", "kind");
        assertThat(r.evidence()).extracting(Evidence::kind).contains(Evidence.Kind.EXTRACTION, Evidence.Kind.STATISTIC);
        assertThat(ScanResultJson.read(ScanResultJson.write(r))).isEqualTo(r);
    }

    @Test
    void jsonWrittenBeforeTheKindWasRecordedReadsWithTheKindItsNameImplies() throws Exception {
        ScanResult r = new Scanner().scan(Files.readAllBytes(Corpus.root().resolve("reference-stego/seed1_exif_004.jpg")));
        String old = ScanResultJson.write(r).replaceAll(",\"kind\":\"[a-z]+\"", "");
        assertThat(old).doesNotContain("\"kind\"").contains("\"detector\":\"extract.");
        assertThat(ScanResultJson.read(old)).isEqualTo(r);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readValue("{\"detector\":\"model.cnn\",\"score\":0.9,\"detail\":\"d\",\"method\":\"alpha\"}",
                Evidence.class)).isEqualTo(new Evidence("model.cnn", 0.9, "d", null, "alpha", Evidence.Kind.MODEL));
        assertThat(json.readValue("{\"detector\":\"fusion\",\"score\":0.1,\"detail\":\"d\"}", Evidence.class).kind())
                .isEqualTo(Evidence.Kind.FUSION);
        assertThat(json.readValue("{\"detector\":\"spa.red\",\"score\":0.1,\"detail\":\"d\",\"estimate\":0.2}",
                Evidence.class).kind()).isEqualTo(Evidence.Kind.STATISTIC);
    }
}
