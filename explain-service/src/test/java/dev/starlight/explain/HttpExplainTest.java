package dev.starlight.explain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.explain.Explanation;
import dev.starlight.core.explain.ExplanationJson;
import dev.starlight.core.explain.HeatmapPng;
import dev.starlight.core.explain.PayloadRegion;
import dev.starlight.core.protocol.Method;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HttpExplainTest {

    @Test
    void aSequentialLsbMessageIsExplainedWithItsPixels() {
        byte[] image = TestImages.stego(Method.LSB_RGB, 80, 21);
        String json = given().body(image).contentType("image/png").header("X-Request-Id", "http-lsb-1")
                .when().post("/v1/explain").then().statusCode(200).extract().asString();
        Explanation e = ExplanationJson.read(json);

        assertThat(e.requestId()).isEqualTo("http-lsb-1");
        assertThat(e.scan().method()).isEqualTo("lsb.rgb");
        assertThat(e.messages().get(0).text()).isEqualTo(TestImages.MESSAGE);
        long bits = 8L * (TestImages.MESSAGE.length() + 1);
        assertThat(e.saliency().regions()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PayloadRegion.PIXELS);
            assertThat(r.bits()).isEqualTo(bits);
            assertThat(r.pixels()).isEqualTo((bits + 2) / 3);
        });
        assertThat(e.summary()).startsWith("stego (lsb.rgb, message " + TestImages.MESSAGE.length() + " bytes) — "
                + "evidence: extract.lsb.rgb recovered a message");
        assertThat(json).contains("\"unusual\":");
        given().when().get("/v1/explain/http-lsb-1").then().statusCode(200).body("summary", equalTo(e.summary()));
    }

    @Test
    void theHeatmapIsAPngOfTheImageScaledUpWithALegendBand() throws Exception {
        given().body(TestImages.stego(Method.ALPHA, 72, 21)).header("X-Request-Id", "http-png-1")
                .when().post("/v1/explain").then().statusCode(200);
        byte[] png = given().when().get("/v1/explain/http-png-1/heatmap.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));

        // 72 px scaled by 8 (the least whole factor reaching 512 px), the legend band under it
        assertThat(decoded.getWidth()).isEqualTo(72 * 8).isGreaterThanOrEqualTo(HeatmapPng.MIN_LONG_SIDE);
        assertThat(decoded.getHeight()).isEqualTo(72 * 8 + HeatmapPng.LEGEND_HEIGHT);
    }

    @Test
    void multipartWorksLikeARawBody() {
        byte[] image = TestImages.stego(Method.RAW, 64, 21);
        String json = given().multiPart("file", "trailer.png", image, "image/png").header("X-Request-Id", "http-mp-1")
                .when().post("/v1/explain").then().statusCode(200).extract().asString();
        Explanation e = ExplanationJson.read(json);

        assertThat(e.saliency().regions()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PayloadRegion.BYTES);
            assertThat(r.offset()).isEqualTo(TestImages.cover(ImageFormat.PNG, 64, 21).length);
            assertThat(r.length()).isEqualTo(TestImages.MESSAGE.length());
        });
    }

    @Test
    void badBytesGetTheirErrorCodeAndNoHeatmap() {
        given().body("certainly not an image".getBytes()).header("X-Request-Id", "http-bad-1")
                .when().post("/v1/explain").then().statusCode(415)
                .body("error.code", equalTo("UNSUPPORTED_FORMAT"))
                .body("summary", startsWith("error UNSUPPORTED_FORMAT"));
        given().body(new byte[0]).when().post("/v1/explain").then().statusCode(422)
                .body("error.code", equalTo("EMPTY_INPUT"));
        given().when().get("/v1/explain/http-bad-1/heatmap.png").then().statusCode(404);
    }

    @Test
    void unknownIdsAre404() {
        given().when().get("/v1/explain/never-seen/heatmap.png").then().statusCode(404)
                .body("code", equalTo("UNKNOWN_ID"));
        given().when().get("/v1/explain/never-seen").then().statusCode(404);
    }
}
