package dev.starlight.codecs.image.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.MetadataSegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mutated and random inputs give a result or a {@link StarlightException}, never any other exception. */
class MetaReadersFuzzTest {
    private static final List<byte[]> SEEDS = List.of(
            PngTextTest.concat(PngTextTest.ascii("Title\0\1\0en\0Titel\0"), PngTextTest.deflate(PngTextTest.ascii(
                    "a message that was compressed"))),
            "<x:xmpmeta><dc:title>a title long enough</dc:title></x:xmpmeta>".getBytes(StandardCharsets.UTF_8),
            new TinyTiff().ascii(0x010E, "a description of the picture")
                    .userComment("ASCII\0\0\0a comment".getBytes(StandardCharsets.US_ASCII)).write(),
            PngTextTest.ascii("data....SEFH....\u0008\0\0\0SEFT"),
            PngTextTest.ascii("BZh91AY&SY and more"));

    @Test
    void mutatedInputsNeverThrowAnUncheckedException() {
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] input = mutate(SEEDS.get(i % SEEDS.size()), random);
            try {
                readAll(input);
            } catch (StarlightException e) {
                assertThat(e.code()).isNotNull();
            }
        }
    }

    private static void readAll(byte[] input) {
        for (PngText.Chunk c : PngText.Chunk.values()) {
            PngText.read(c, input);
        }
        XmpPacket.read(new MetadataSegment(MetadataSegment.Kind.XMP, "iTXt:XML:com.adobe.xmp", 0, input));
        XmpPacket.of(new String(input, StandardCharsets.ISO_8859_1));
        ExifFields.textFields(input);
        ExifComment.read(input);
        FileSignature.find(input);
        FileSignature.isMp4(input);
        MetadataSegment mpf = new MetadataSegment(MetadataSegment.Kind.OTHER, "APP2", 0, input);
        TrailerStructure.of(ImageFormat.JPEG, List.of(mpf), input);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = random.nextInt(4) == 0 ? new byte[random.nextInt(96)] : seed.clone();
        if (b.length == 0) {
            return b;
        }
        int flips = 1 + random.nextInt(8);
        for (int k = 0; k < flips; k++) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return random.nextBoolean() ? java.util.Arrays.copyOf(b, random.nextInt(b.length + 1)) : b;
    }
}
