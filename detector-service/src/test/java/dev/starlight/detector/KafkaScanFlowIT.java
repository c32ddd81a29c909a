package dev.starlight.detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.testsupport.TestImages;
import dev.starlight.core.events.Topics;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.core.scan.Verdict;
import dev.starlight.testsupport.PackagedAppKafkaBroker;
import dev.starlight.testsupport.PackagedAppRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link KafkaScanFlowTest}'s round trip against the packaged detector: a scan request in, its result out. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedAppKafkaBroker.class, restrictToAnnotatedClass = true)
class KafkaScanFlowIT {

    @Test
    void aStegoImageOnTheRequestTopicGetsItsResult() throws Exception {
        PackagedAppRecords.send(Topics.DEFAULT.scanRequests(), "it-lsb", TestImages.stego(Method.LSB_RGB, 7));

        ScanResult result = ScanResultJson.read(PackagedAppRecords.await(Topics.DEFAULT.scanResults(), "it-lsb",
                Duration.ofSeconds(60)));
        assertThat(result.requestId()).isEqualTo("it-lsb");
        assertThat(result.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(result.method()).isEqualTo(Method.LSB_RGB.label());
        assertThat(result.payload().text()).isEqualTo(TestImages.MESSAGE);
    }
}
