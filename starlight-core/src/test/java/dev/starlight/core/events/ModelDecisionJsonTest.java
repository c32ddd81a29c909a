package dev.starlight.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire format on {@code starlight.models.decisions} stays what the monitor has always written. */
class ModelDecisionJsonTest {
    /** A record exactly as the monitor wrote it before the decision moved to the core. */
    static final String PUBLISHED = "{\"type\":\"model.decision\",\"model\":\"lsb-mean\",\"version\":\"v2\","
            + "\"verdict\":\"REJECTED\",\"comparedWith\":\"v1\",\"brokenRules\":[\"fpr.png 0.020 > 0.010\"],"
            + "\"reason\":\"1 rule(s) broken\",\"override\":false,\"champion\":\"v1\",\"timestamp\":1764547200000}";

    @Test
    void aPublishedDecisionRoundTripsByteForByte() {
        ModelDecision decision = ModelDecisionJson.read(PUBLISHED.getBytes(StandardCharsets.UTF_8));

        assertThat(decision).isEqualTo(new ModelDecision(ModelDecision.TYPE, "lsb-mean", "v2", ModelVerdict.REJECTED,
                "v1", List.of("fpr.png 0.020 > 0.010"), "1 rule(s) broken", false, "v1", 1764547200000L));
        assertThat(ModelDecisionJson.write(decision)).isEqualTo(PUBLISHED);
    }

    @Test
    void unknownFieldsAreIgnoredAndAnUnknownVerdictReadsAsNull() {
        ModelDecision decision = ModelDecisionJson.read(("{\"type\":\"model.decision\",\"model\":\"m\",\"version\":"
                + "\"3\",\"verdict\":\"DEFERRED\",\"champion\":\"2\",\"override\":true,\"addedLater\":1}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(decision.verdict()).isNull();
        assertThat(decision.champion()).isEqualTo("2");
        assertThat(decision.override()).isTrue();
        assertThat(decision.brokenRules()).isEmpty();
    }

    @Test
    void unreadableJsonSaysWhereNotWhat() {
        assertThatThrownBy(() -> ModelDecisionJson.read("{\"secret\": tok".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unreadable model decision (not JSON at line 1, column ")
                .hasMessageNotContaining("secret");
    }
}
