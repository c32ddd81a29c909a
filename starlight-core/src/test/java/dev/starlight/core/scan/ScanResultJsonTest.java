package dev.starlight.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
}
