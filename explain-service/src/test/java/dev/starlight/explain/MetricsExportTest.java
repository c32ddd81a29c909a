package dev.starlight.explain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.MetricsExport;
import dev.starlight.core.protocol.Method;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One good and one unreadable image through HTTP, then the metric names /q/metrics serves are exported. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class MetricsExportTest {

    @Test
    void explanationsAreTimedAndErrorsCounted() throws Exception {
        given().body(TestImages.stego(Method.RAW, 64, 21)).contentType("image/png").when().post("/v1/explain")
                .then().statusCode(200);
        int status = given().body("not an image".getBytes(StandardCharsets.UTF_8)).contentType("image/png")
                .when().post("/v1/explain").then().extract().statusCode();
        assertThat(status).isGreaterThanOrEqualTo(400);

        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> names = MetricsExport.write(body);
        assertThat(names).contains("starlight_explain_seconds_count", "starlight_explain_seconds_bucket",
                "starlight_explain_errors_total");
        assertThat(body).containsPattern("starlight_explain_seconds_count\\{[^}]*outcome=\"ok\"[^}]*path=\"http\"")
                .containsPattern("starlight_explain_errors_total\\{code=\"[A-Z_]+\",path=\"http\"");
    }
}
