package dev.starlight.lab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpectedMethodTest {

    @Test
    void theJpegToolsAreExpectedUnderTheNamesTheDctClassifierGivesThem() {
        assertThat(ExpectedMethod.of("outguess", "jpeg")).contains("outguess");
        assertThat(ExpectedMethod.of("steghide", "jpeg")).contains("steghide");
    }

    @Test
    void otherEmbeddersAreExpectedWhereTheirDataSits() {
        assertThat(ExpectedMethod.of("stepic", "png")).contains("lsb.rgb");
        assertThat(ExpectedMethod.of("gifshuffle", "gif")).contains("palette");
        assertThat(ExpectedMethod.of("lsb.replace", "gif")).contains("palette");
        assertThat(ExpectedMethod.of("append-zip", "jpeg")).contains("raw");
        assertThat(ExpectedMethod.of("no-such-tool", "png")).isEmpty();
    }
}
