package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelDetector;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.ShippedModel;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.core.scan.Scanner;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fresh detector serves the model that ships with starlight-core, with no trainer run and nothing on the topic. */
@QuarkusTest
@TestProfile(ShippedModelTest.WithShippedModel.class)
@WithTestResource(KafkaBrokerResource.class)
class ShippedModelTest {

    public static class WithShippedModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("starlight.detector.shipped-model", "true");
        }
    }

    @Test
    void theShippedModelServesFromStartUp() {
        ModelEnvelope shipped = ShippedModel.envelope().orElseThrow();
        given().when().get("/v1/models").then().statusCode(200)
                .body("name", equalTo(shipped.name()))
                .body("version", equalTo(shipped.version()))
                .body("rulesOnly", equalTo(false))
                .body("card.source", equalTo("shipped"))
                .body("card.sha256", equalTo(shipped.sha256()));
    }

    @Test
    void scansCarryTheModelsEvidenceAndMatchTheCoreWithTheSameModel() {
        ModelEnvelope shipped = ShippedModel.envelope().orElseThrow();
        byte[] image = TestImages.cover(ImageFormat.PNG, 128, 5);
        String json = given().body(image).contentType("image/png").header("X-Request-Id", "shipped-1")
                .when().post("/v1/scan").then().statusCode(200).extract().asString();
        ScanResult http = ScanResultJson.read(json);
        assertThat(http.modelVersion()).isEqualTo(shipped.version());
        assertThat(http.evidence()).anySatisfy(e -> assertThat(e.detector())
                .isEqualTo(ModelDetector.PREFIX + shipped.name()));
        try (OnnxModel model = OnnxModel.load(shipped.onnx())) {
            ScanResult core = new Scanner(ScanOptions.DEFAULT, List.of(new ModelDetector(model)), shipped.version())
                    .scan(new dev.starlight.core.scan.ScanRequest("shipped-1", null, image));
            assertThat(http).usingRecursiveComparison().ignoringFields("latencyMs").isEqualTo(core);
        }
    }
}
