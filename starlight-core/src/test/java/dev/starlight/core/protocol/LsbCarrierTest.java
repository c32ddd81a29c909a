package dev.starlight.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LsbCarrierTest {

    @Test
    void lsbFirstEmbedsBitZeroOfEachByteFirst() {
        int[] plane = new int[16];
        new LsbCarrier(plane).write(new byte[] {0x41}, BitOrder.LSB_FIRST);
        assertThat(plane).startsWith(1, 0, 0, 0, 0, 0, 1, 0);
    }

    @Test
    void msbFirstEmbedsBitSevenFirst() {
        int[] plane = new int[16];
        new LsbCarrier(plane).write(new byte[] {0x41}, BitOrder.MSB_FIRST);
        assertThat(plane).startsWith(0, 1, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void threePlanesAreInterleavedPixelByPixel() {
        int[] r = new int[8];
        int[] g = new int[8];
        int[] b = new int[8];
        new LsbCarrier(r, g, b).write(new byte[] {(byte) 0xFF}, BitOrder.LSB_FIRST);
        // 8 bits go R0 G0 B0 R1 G1 B1 R2 G2
        assertThat(r).startsWith(1, 1, 1, 0);
        assertThat(g).startsWith(1, 1, 1, 0);
        assertThat(b).startsWith(1, 1, 0);
    }

    @Test
    void writeChangesOnlyTheLeastSignificantBit() {
        int[] plane = {200, 201, 202, 203, 204, 205, 206, 207, 65535};
        new LsbCarrier(plane).write(new byte[] {0x00}, BitOrder.LSB_FIRST);
        assertThat(plane).containsExactly(200, 200, 202, 202, 204, 204, 206, 206, 65535);
    }

    @Test
    void readUntilNulReturnsTheMessageWithoutTerminator() {
        int[] plane = new int[200];
        byte[] message = "hello world".getBytes(StandardCharsets.US_ASCII);
        byte[] framed = java.util.Arrays.copyOf(message, message.length + 1);
        new LsbCarrier(plane).write(framed, BitOrder.MSB_FIRST);
        assertThat(new LsbCarrier(plane).readUntilNul(0, BitOrder.MSB_FIRST, 100)).isEqualTo(message);
    }

    @Test
    void readUntilNulGivesNullWhenNoTerminatorFitsTheCarrier() {
        int[] plane = new int[64];
        java.util.Arrays.fill(plane, 1);
        assertThat(new LsbCarrier(plane).readUntilNul(0, BitOrder.LSB_FIRST, 100)).isNull();
    }
}
