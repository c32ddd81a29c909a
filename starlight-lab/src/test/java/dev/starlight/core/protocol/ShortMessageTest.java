package dev.starlight.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Unmarked sequential messages are only found again when they read as text (a reader must tell them from noise):
 * too short a message is refused up front with its own code, not an internal error, and AI42 framing lifts the limit.
 */
class ShortMessageTest {
    static final byte[] COVER = SyntheticCovers.encoded(ImageFormat.PNG, 128, 3);

    @Test
    void aFiveByteUnmarkedMessageIsRefusedWithItsOwnCode() {
        assertThatThrownBy(() -> Protocol.embed(COVER, Method.LSB_RGB, bytes("hello"),
                new EmbedOptions(BitOrder.MSB_FIRST, false)))
                .isInstanceOfSatisfying(StarlightException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_NOT_RECOVERABLE))
                .hasMessageContaining("AI42");
    }

    @Test
    void theSameMessageRoundTripsWithAi42OrWhenLonger() {
        byte[] marked = Protocol.embed(COVER, Method.LSB_RGB, bytes("hello"), new EmbedOptions(BitOrder.MSB_FIRST, true));
        assertThat(Protocol.messages(marked, ImageCodecs.decode(marked)).get(0).payload()).isEqualTo(bytes("hello"));
        byte[] longer = Protocol.embed(COVER, Method.LSB_RGB, bytes("hello, world"),
                new EmbedOptions(BitOrder.MSB_FIRST, false));
        assertThat(Protocol.messages(longer, ImageCodecs.decode(longer)).get(0).payload())
                .isEqualTo(bytes("hello, world"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
