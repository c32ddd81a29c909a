package dev.starlight.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.testsupport.TestImages;
import dev.starlight.core.events.Topics;
import dev.starlight.core.explain.Explanation;
import dev.starlight.core.explain.ExplanationJson;
import dev.starlight.core.protocol.Method;
import dev.starlight.testsupport.PackagedAppKafkaBroker;
import dev.starlight.testsupport.PackagedAppRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link KafkaExplainTest}'s round trip against the packaged explainer: an explain request in, its explanation out. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedAppKafkaBroker.class, restrictToAnnotatedClass = true)
class KafkaExplainIT {

    @Test
    void aStegoImageOnTheRequestTopicGetsItsExplanation() throws Exception {
        PackagedAppRecords.send(Topics.DEFAULT.explainRequests(), "it-lsb", TestImages.stego(Method.LSB_RGB, 64, 21));

        Explanation explanation = ExplanationJson.read(PackagedAppRecords.await(Topics.DEFAULT.explainResults(),
                "it-lsb", Duration.ofSeconds(60)));
        assertThat(explanation.requestId()).isEqualTo("it-lsb");
        assertThat(explanation.error()).isNull();
        assertThat(explanation.messages().get(0).text()).isEqualTo(TestImages.MESSAGE);
    }
}
