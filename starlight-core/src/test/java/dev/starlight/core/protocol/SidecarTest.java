package dev.starlight.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.codecs.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void ourSidecarsHaveTheReferenceFieldsForEveryMethod() throws Exception {
        String[][] cases = {
            {"seed1_alpha_000.png", "ALPHA", "lsb-first", "false"},
            {"seed1_lsb_000.png", "LSB_RGB", null, "false"},
            {"seed1_palette_000.gif", "PALETTE", null, "false"},
            {"seed1_exif_000.png", "EXIF", null, "false"},
            {"seed1_eoi_000.png", "RAW", null, "false"},
        };
        for (String[] c : cases) {
            Path ref = findLike(c[0]);
            var reference = json.readTree(ref.resolveSibling(ref.getFileName() + ".json").toFile());
            String refOrder = reference.path("embedding").path("bit_order").asText(null);
            EmbedOptions options = new EmbedOptions(
                    refOrder == null ? BitOrder.LSB_FIRST : BitOrder.parse(refOrder).orElseThrow(), false);
            Sidecar ours = Sidecar.of(Method.valueOf(c[1]), options, reference.path("clean_file").asText());
            assertThat(json.readTree(ours.toJson())).as(ref.getFileName().toString()).isEqualTo(reference);
        }
    }

    @Test
    void sidecarIsWrittenBesideTheImageAndReadBack(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("x_lsb.rgb_001.png");
        Files.write(image, new byte[] {1});
        Sidecar.of(Method.LSB_RGB, new EmbedOptions(BitOrder.MSB_FIRST, false), "clean-0001.png").writeBeside(image);
        Sidecar back = Sidecar.readBeside(image).orElseThrow();
        assertThat(back.method()).contains(Method.LSB_RGB);
        assertThat(back.embedding().bitOrder()).isEqualTo("msb-first");
        assertThat(back.cleanFile()).isEqualTo("clean-0001.png");
    }

    @Test
    void methodAliasesOfTheReferenceAreUnderstood() {
        assertThat(Method.parse("lsb")).contains(Method.LSB_RGB);
        assertThat(Method.parse("eoi")).contains(Method.RAW);
        assertThat(Method.parse("lsb.rgb")).contains(Method.LSB_RGB);
        assertThat(Method.parse("nonsense")).isEmpty();
    }

    private static Path findLike(String name) throws Exception {
        Path dir = Corpus.root().resolve("reference-stego");
        Path exact = dir.resolve(name);
        if (Files.exists(exact)) {
            return exact;
        }
        String prefix = name.substring(0, name.lastIndexOf('_'));
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.toString().endsWith(".json"))
                    .sorted().findFirst().orElseThrow();
        }
    }
}
