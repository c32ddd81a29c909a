package dev.starlight.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.scan.ScanError;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    @Test
    void withoutAResultTheBodyIsCodeAndMessageOnly() {
        assertThat(new ErrorBody("NOT_FOUND", "no such resource").json())
                .isEqualTo("{\"code\":\"NOT_FOUND\",\"message\":\"no such resource\"}");
    }

    @Test
    void aScanThatRanFollowsCodeAndMessageAndStillReadsAsAScanResult() {
        ScanResult result = ScanResult.error("r-1", "ab", null, null, "stats", 3,
                new ScanError("TOO_LARGE", "input of 11000000 bytes exceeds the 10485760-byte limit"));
        String json = new ErrorBody(result.error().code(), result.error().message(), result).json();

        assertThat(json).startsWith("{\"code\":\"TOO_LARGE\",\"message\":\"input of 11000000 bytes")
                .contains("\"requestId\":\"r-1\"", "\"verdict\":\"error\"",
                        "\"error\":{\"code\":\"TOO_LARGE\"");
        assertThat(ScanResultJson.read(json)).isEqualTo(result);
    }

    @Test
    void statusesWithoutACodeOfOursGetAStableOne() {
        assertThat(ErrorBody.forStatus(404).code()).isEqualTo("NOT_FOUND");
        assertThat(ErrorBody.forStatus(405).code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(ErrorBody.forStatus(413).code()).isEqualTo("TOO_LARGE");
        assertThat(ErrorBody.forStatus(415).code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(ErrorBody.forStatus(502).code()).isEqualTo("INTERNAL");
        assertThat(ErrorBody.statusOf("UNSUPPORTED_FORMAT")).isEqualTo(415);
        assertThat(ErrorBody.statusOf("TRUNCATED")).isEqualTo(422);
    }
}
