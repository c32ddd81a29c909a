package dev.starlight.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageScoreTest {

    @Test
    void ordinaryTextScoresAboveTheMessageThreshold() {
        byte[] text = "Echoes of Peace in Gaza\nIn the sands of Egypt".getBytes(StandardCharsets.UTF_8);
        assertThat(MessageScore.text(text)).isGreaterThanOrEqualTo(Protocol.MESSAGE_THRESHOLD);
    }

    @Test
    void nonAsciiUtf8TextCounts() {
        byte[] text = "Über den Wolken — ünïcødé テキスト".getBytes(StandardCharsets.UTF_8);
        assertThat(MessageScore.text(text)).isGreaterThanOrEqualTo(Protocol.MESSAGE_THRESHOLD);
    }

    @Test
    void textShorterThanTheMinimumIsNotAMessage() {
        assertThat(MessageScore.text("abc def".getBytes(StandardCharsets.US_ASCII))).isZero();
    }

    @Test
    void periodicBytesFromFlatRegionsAreNotAMessage() {
        assertThat(MessageScore.text("mZ[mZ[mZ[mZ[mZ[mZ[".getBytes(StandardCharsets.US_ASCII))).isZero();
        assertThat(MessageScore.text("UUUUUUUUUUUUUUUU".getBytes(StandardCharsets.US_ASCII))).isZero();
    }

    @Test
    void randomBytesAreNeverAMessage() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = new byte[8 + random.nextInt(64)];
            random.nextBytes(b);
            assertThat(MessageScore.text(b)).as("random sample %d", i).isZero();
        }
    }

    @Test
    void invalidUtf8IsNotText() {
        byte[] b = "valid start then".getBytes(StandardCharsets.US_ASCII);
        b[5] = (byte) 0xC3; // lone lead byte
        assertThat(MessageScore.text(b)).isZero();
    }
}
