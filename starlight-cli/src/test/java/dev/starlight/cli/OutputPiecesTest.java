package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.scan.Payload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPiecesTest {

    @Test
    void payloadPreviewEscapesControlCharactersAndCutsAtFortyCodePoints() {
        assertThat(PayloadPreview.of(null)).isEmpty();
        assertThat(PayloadPreview.of(new Payload(7, null, "AAAA", "binary"))).isEqualTo("<7 bytes binary>");
        assertThat(PayloadPreview.of(text("a\\b\r\n\u0000\u001b"))).isEqualTo("a\\\\b\\r\\n\\u0000\\u001b");
        String forty = "x".repeat(40);
        assertThat(PayloadPreview.of(text(forty))).isEqualTo(forty);
        assertThat(PayloadPreview.of(text(forty + "y"))).isEqualTo(forty + "...");
        String emoji = "\uD83D\uDE00".repeat(41); // one code point, two chars, each
        assertThat(PayloadPreview.of(text(emoji))).isEqualTo("\uD83D\uDE00".repeat(40) + "...");
    }

    private static Payload text(String s) {
        return new Payload(s.length(), s, "", "utf-8");
    }

    @Test
    void progressBarLineShowsCountsAndRate() {
        assertThat(ProgressBar.render(123, 456, 12, 1, 85.4))
                .isEqualTo("[#####---------------] 123/456 files  12 stego  1 error  85 files/s");
        assertThat(ProgressBar.render(0, 0, 0, 2, 0)).startsWith("[####################] 0/0 files  0 stego  2 errors");
    }

    @Test
    void inputFilesKeepArgumentOrderAndSortEachFolder(@TempDir Path dir) throws IOException {
        for (String name : List.of("b/2.png", "b/10.png", "b/a/1.png", "a.png")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.write(dir.resolve(name), new byte[] {1});
        }
        List<String> warnings = new ArrayList<>();

        List<Path> files = new InputFiles(warnings::add).collect(List.of(dir.resolve("b"), dir.resolve("a.png")));

        assertThat(files).containsExactly(dir.resolve("b/10.png"), dir.resolve("b/2.png"), dir.resolve("b/a/1.png"),
                dir.resolve("a.png"));
        assertThat(warnings).isEmpty();
    }
}
