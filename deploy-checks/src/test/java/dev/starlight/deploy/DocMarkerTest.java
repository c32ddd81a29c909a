package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the docs-run test reads a doc: its markers, which fences are command blocks, and the shown-output match. */
class DocMarkerTest {

    @TempDir
    Path dir;

    @Test
    void readsEachCommandBlockWithTheMarkerRightBeforeItAndTheOutputBlockAfterIt() throws Exception {
        Files.writeString(dir.resolve("doc.md"), String.join("\n",
                "# Doc",
                "<!-- docs-run: skip (needs a cluster) -->",
                "```sh",
                "kubectl apply -f x",
                "```",
                "<!-- docs-run: background until \"starlight is up\" -->",
                "```sh",
                "bin/starlight up   # all of it",
                "```",
                "<!-- docs-run: expect \"stego\" \"hello\" -->",
                "```python",
                "print('stego hello')",
                "```",
                "<!-- docs-run: output of the block above (numbers may differ) -->",
                "```text",
                "stego 0.99",
                "```",
                "```json",
                "{\"not\": \"a command\"}",
                "```",
                "```bash",
                "echo unmarked",
                "```",
                ""));

        List<DocBlock> blocks = DocBlock.read(dir, "doc.md");

        assertThat(blocks).extracting(DocBlock::line).containsExactly(3, 7, 11, 21);
        assertThat(blocks.get(0).marker()).isEqualTo(new DocMarker(DocMarker.Kind.SKIP, "needs a cluster", List.of()));
        assertThat(blocks.get(1).marker().kind()).isEqualTo(DocMarker.Kind.BACKGROUND);
        assertThat(blocks.get(1).marker().note()).isEqualTo("starlight is up");
        assertThat(blocks.get(2).marker().expected()).containsExactly("stego", "hello");
        assertThat(blocks.get(2).shownOutput()).isEqualTo("stego 0.99\n");
        assertThat(blocks.get(3).marker()).isEqualTo(DocMarker.DEFAULT);
        assertThat(blocks.get(3).shownOutput()).isNull();
    }

    @Test
    void aMarkerSeparatedFromItsFenceByTextDoesNotApplyToIt() throws Exception {
        Files.writeString(dir.resolve("doc.md"), "<!-- docs-run: skip (why) -->\nSome prose.\n```sh\necho hi\n```\n");

        assertThat(DocBlock.read(dir, "doc.md").get(0).marker()).isEqualTo(DocMarker.DEFAULT);
    }

    @Test
    void refusesAnUnknownMarkerASkipWithoutAReasonAndABackgroundWithoutReadyText() {
        assertThatThrownBy(() -> DocMarker.parse("<!-- docs-run: skipp (typo) -->")).hasMessageContaining("unknown marker");
        assertThatThrownBy(() -> DocMarker.parse("<!-- docs-run: skip -->")).hasMessageContaining("reason");
        assertThatThrownBy(() -> DocMarker.parse("<!-- docs-run: background -->")).hasMessageContaining("until");
        assertThat(DocMarker.parse("<!-- an ordinary comment -->")).isNull();
    }

    @Test
    void shownOutputMatchesWhenOnlyNumbersDifferAndNotWhenAWordDiffers() {
        String shown = "PATH  VERDICT  PROB\n/tmp/a.png  stego  0.99\nscanned 1 files in 0.5 s\n";

        assertThat(DocsRunTest.firstShownLineMissing(shown,
                "PATH   VERDICT PROB\n/tmp/a.png   stego   0.97  alpha\nscanned 1 files in 1.25 s\n")).isNull();
        assertThat(DocsRunTest.firstShownLineMissing(shown,
                "PATH VERDICT PROB\n/tmp/a.png clean 0.12\nscanned 1 files in 0.5 s\n")).isEqualTo("/tmp/a.png  stego  0.99");
        assertThat(DocsRunTest.firstShownLineMissing(shown, "scanned 1 files in 0.5 s\nPATH VERDICT PROB\n/tmp/a.png stego 0.9\n"))
                .as("lines in the doc's order").isEqualTo("scanned 1 files in 0.5 s");
    }
}
