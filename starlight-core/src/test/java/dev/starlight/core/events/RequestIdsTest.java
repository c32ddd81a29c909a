package dev.starlight.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void theKeyIsTheRequestId() {
        assertThat(RequestIds.of("a1", "starlight.scan.requests", 2, 17)).isEqualTo("a1");
    }

    @Test
    void withoutAKeyTheIdSaysWhereTheRecordSits() {
        assertThat(RequestIds.of(null, "starlight.scan.requests", 2, 17)).isEqualTo("starlight.scan.requests-2@17");
        assertThat(RequestIds.of("  ", "starlight.explain.requests", 0, 3))
                .isEqualTo("starlight.explain.requests-0@3");
    }
}
