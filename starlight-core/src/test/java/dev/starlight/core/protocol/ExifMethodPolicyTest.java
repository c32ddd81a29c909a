package dev.starlight.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code extract.exif} takes a UserComment as a protocol message only when the protocol marks it (AI42) or the
 * metadata policy finds it payload-like; a caption there is reported as evidence below the message threshold.
 */
class ExifMethodPolicyTest {
    private final ExifMethod exif = new ExifMethod();

    private Optional<Extraction> extract(String comment, boolean ai42) throws Exception {
        Path jpeg;
        try (Stream<Path> covers = Files.list(Corpus.root().resolve("covers"))) {
            jpeg = covers.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        byte[] cover = Files.readAllBytes(jpeg);
        byte[] message = comment.getBytes(StandardCharsets.UTF_8);
        byte[] stego = exif.embed(cover, ImageCodecs.decode(cover), message, new EmbedOptions(BitOrder.LSB_FIRST, ai42));
        return exif.extract(stego, ImageCodecs.decode(stego));
    }

    @Test
    void aCaptionIsEvidenceNotAMessage() throws Exception {
        Extraction e = extract("Colorful cups. Aarhus, Denmark. Processed in digiKam with 01 preset.", false).orElseThrow();
        assertThat(e.confidence()).isLessThan(Protocol.MESSAGE_THRESHOLD);
        assertThat(e.detail()).contains("caption").contains("not a message");
    }

    @Test
    void theSameTextMarkedWithAi42IsAMessage() throws Exception {
        Extraction e = extract("Colorful cups. Aarhus, Denmark.", true).orElseThrow();
        assertThat(e.confidence()).isGreaterThanOrEqualTo(Protocol.MESSAGE_THRESHOLD);
        assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo("Colorful cups. Aarhus, Denmark.");
    }

    @Test
    void multiLineTextIsAMessageExtractedExactly() throws Exception {
        String poem = "Starlit Mind\n\nFuture AI, with starlit gaze,\nUnravel time's unending maze.";
        Extraction e = extract(poem, false).orElseThrow();
        assertThat(e.confidence()).isGreaterThanOrEqualTo(Protocol.MESSAGE_THRESHOLD);
        assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo(poem);
    }
}
