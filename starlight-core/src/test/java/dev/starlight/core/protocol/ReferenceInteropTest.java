package dev.starlight.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.core.scan.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interop with the reference project's own generator: every file in {@code reference-stego} must give back its
 * payload exactly, by the method its sidecar names, from the bytes alone; no clean cover may yield a message.
 * The sidecar and the payload file (chosen by the name's prefix) are used only to check the answer.
 */
class ReferenceInteropTest {
    private final Scanner scanner = new Scanner();

    @Test
    void everyReferenceStegoFileIsExtractedExactlyByItsMethod() throws Exception {
        List<String> failures = new ArrayList<>();
        List<Path> files = Corpus.referenceStego();
        for (Path file : files) {
            String name = file.getFileName().toString();
            byte[] expected = Files.readAllBytes(Corpus.payload(name.startsWith("seed1_") ? "seed1.md" : "starlight.md"));
            Sidecar label = Sidecar.readBeside(file).orElseThrow();
            Method method = label.method().orElseThrow();
            byte[] data = Files.readAllBytes(file);
            DecodedImage image = ImageCodecs.decode(data);
            List<Extraction> found = Protocol.messages(data, image);
            boolean exact = found.stream().anyMatch(e -> e.method() == method
                    && java.util.Arrays.equals(e.payload(), expected)
                    && (label.embedding().bitOrder() == null || e.bitOrder() == null
                        || e.bitOrder().label().equals(label.embedding().bitOrder())));
            ScanResult result = scanner.scan(data);
            if (!exact) {
                failures.add(name + ": expected " + method.label() + " " + expected.length + " bytes, found " + found);
            } else if (result.verdict() != Verdict.STEGO || !method.label().equals(result.method())) {
                failures.add(name + ": scanner said " + result.verdict() + " " + result.method());
            }
        }
        assertThat(files).hasSize(132);
        assertThat(failures).as("%d of %d reference files not extracted exactly", failures.size(), files.size())
                .isEmpty();
    }

    @Test
    void noCleanCoverYieldsAMessage() throws Exception {
        List<String> falseMessages = new ArrayList<>();
        List<Path> covers = Corpus.covers();
        for (Path cover : covers) {
            byte[] data = Files.readAllBytes(cover);
            List<Extraction> found = Protocol.messages(data, ImageCodecs.decode(data));
            ScanResult result = scanner.scan(data);
            if (!found.isEmpty() || result.verdict() != Verdict.CLEAN) {
                falseMessages.add(cover.getFileName() + ": " + found + " verdict " + result.verdict());
            }
        }
        assertThat(covers).hasSize(311);
        assertThat(falseMessages).isEmpty();
    }
}
