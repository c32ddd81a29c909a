package dev.starlight.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.Evidence;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.Scanner;
import dev.starlight.lab.dataset.CleanVariants;
import dev.starlight.lab.dataset.RandomLsbEmbedder;
import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.lab.report.CleanBaselineFit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped table of clean scores, the command that makes it, and summaries that name only what sets an image apart. */
class CleanBaselineTest {
    static final CleanBaseline SHIPPED = CleanBaseline.shipped();
    static final Explainer EVIDENCE_ONLY = new Explainer(ScanOptions.DEFAULT);
    static final byte[] MESSAGE = AlphaLsbModel.MESSAGE;

    /**
     * Covers the table never saw (the lab's synthetic ones) and their clean variants: an alpha plane, a grey-palette
     * GIF, padding after the image, camera EXIF. (The lab's own synthetic GIFs are left out: their palette is in an
     * order no GIF writer makes, and {@code palette.order} rightly calls that unusual.)
     */
    @Test
    void aCleanCoversSummaryNamesNoDetectorAsUnusual() {
        for (ImageFormat format : List.of(ImageFormat.PNG, ImageFormat.JPEG, ImageFormat.WEBP)) {
            for (long seed = 1; seed <= 3; seed++) {
                byte[] cover = SyntheticCovers.encoded(format, 256, seed);
                java.util.Map<String, byte[]> images = new java.util.LinkedHashMap<>();
                images.put("cover", cover);
                images.putAll(CleanVariants.of(cover, seed));
                for (var image : images.entrySet()) {
                    Explanation e = EVIDENCE_ONLY.explain("clean", image.getValue());
                    String what = format + " seed " + seed + " " + image.getKey();
                    assertThat(e.unusual()).as(what).isEmpty();
                    assertThat(e.summary()).as(what)
                            .startsWith("clean — evidence: nothing unusual compared with clean images;");
                }
            }
        }
    }

    @Test
    void anLsbRgbMessageIsNamedFirstAndTheStatisticsThatSetItApartFollow() {
        byte[] cover = SyntheticCovers.encoded(ImageFormat.PNG, 256, 5);
        byte[] stego = Protocol.embed(cover, Method.LSB_RGB, MESSAGE, EmbedOptions.DEFAULT);
        Explanation e = EVIDENCE_ONLY.explain("lsb-1", stego);

        assertThat(e.summary()).startsWith("stego (lsb.rgb, message " + MESSAGE.length
                + " bytes) — evidence: extract.lsb.rgb recovered a message (confidence ");
        assertThat(e.summary()).doesNotContain(SummaryLine.NOTHING_UNUSUAL);
    }

    @Test
    void randomLsbReplacementIsNamedByItsPayloadEstimateAgainstCleanOnes() {
        byte[] cover = SyntheticCovers.encoded(ImageFormat.PNG, 256, 6);
        byte[] stego = RandomLsbEmbedder.embed(cover, RandomLsbEmbedder.Kind.REPLACEMENT, 0.8, 7);
        Explanation e = EVIDENCE_ONLY.explain("lsb-2", stego);

        assertThat(e.unusual()).isNotEmpty();
        // the fused probability may rank first (it is as far above clean images as the estimates); the first
        // per-plane statistic is compared by its payload estimate
        UnusualEvidence first = e.unusual().stream()
                .filter(u -> u.detector().matches("(spa|ws|rs|wsseq|chi2seq)\\.(red|green|blue)"))
                .findFirst().orElseThrow();
        assertThat(first.compared()).isEqualTo("estimate");
        assertThat(first.estimate()).isGreaterThan(first.cleanTop() + CleanBaseline.MARGIN);
        assertThat(e.unusual()).isSortedAccordingTo((a, b) -> Double.compare(b.strength(), a.strength()));
        assertThat(e.summary()).contains(first.detector() + ": payload ≈ ")
                .containsPattern("above (99\\.9% of|every one of [0-9 ]+) clean images");
    }

    @Test
    void everyDetectorThatGivesAScoreHasACleanTable() {
        Scanner scanner = new Scanner(ScanOptions.DEFAULT, List.of());
        Set<String> scored = new TreeSet<>();
        List<byte[]> images = new ArrayList<>();
        for (ImageFormat format : ImageFormat.values()) {
            byte[] cover = SyntheticCovers.encoded(format, 160, 3);
            images.add(cover);
            images.addAll(CleanVariants.of(cover, 3).values());
            for (Method method : Method.values()) {
                try {
                    images.add(Protocol.embed(cover, method, MESSAGE, EmbedOptions.DEFAULT));
                } catch (RuntimeException notForThisFormat) {
                    // the method does not apply to this format
                }
            }
        }
        for (byte[] image : images) {
            for (Evidence e : scanner.scan(new ScanRequest("t", null, image)).evidence()) {
                if (e.score() != null && (e.kind() == Evidence.Kind.STATISTIC || e.kind() == Evidence.Kind.FUSION)) {
                    scored.add(e.detector());
                }
            }
        }
        assertThat(scored).contains("spa.red", "fusion", "trailer", "chi2.index");
        assertThat(SHIPPED.detectors().keySet()).containsAll(scored);
        SHIPPED.detectors().values().forEach(d -> {
            assertThat(d.quantiles()).hasSameSizeAs(SHIPPED.levels()).isSorted();
            assertThat(d.max()).isGreaterThanOrEqualTo(d.quantiles().get(d.quantiles().size() - 1));
        });
    }

    @Test
    void theShippedTableRecordsTheCommandThatMadeIt() throws Exception {
        assertThat(SHIPPED.provenance().get("command")).startsWith("bin/clean-baseline --covers ");
        assertThat(SHIPPED.provenance().get("data")).contains("covers of ").contains("clean variants");
        assertThat(SHIPPED.provenance()).containsKeys("dataSha256", "created");
        Path script = Path.of("..", "bin", "clean-baseline");
        assertThat(Files.readString(script)).contains(CleanBaselineFit.class.getName());
        assertThat(Files.isExecutable(script)).isTrue();
    }

    @Test
    void theCommandMakesATableFromASmallSetOfCovers(@TempDir Path dir) throws Exception {
        Path covers = Files.createDirectories(dir.resolve("covers"));
        Files.write(covers.resolve("a.png"), SyntheticCovers.encoded(ImageFormat.PNG, 128, 1));
        Files.write(covers.resolve("b.png"), SyntheticCovers.encoded(ImageFormat.PNG, 128, 2));
        Files.write(covers.resolve("c.gif"), SyntheticCovers.encoded(ImageFormat.GIF, 128, 3));
        Path out = dir.resolve("table.json");

        CleanBaselineFit.main(new String[] {"--covers", covers.toString(), "--out", out.toString(),
                "--command", "bin/clean-baseline --covers small"});

        CleanBaseline table = CleanBaseline.read(Files.readString(out));
        assertThat(table.provenance().get("command")).isEqualTo("bin/clean-baseline --covers small");
        assertThat(table.provenance().get("data")).contains("3 covers of ");
        assertThat(table.detectors()).containsKeys("spa.red", "spa.index", "fusion", "trailer");
        assertThat(table.estimates()).containsKey("spa.red");
        assertThat(table.detectors().get("fusion").images()).isGreaterThan(3);
        // the same table explains: one of its own covers is nothing unusual against it
        Explanation e = new Explainer(ScanOptions.DEFAULT, null, table).explain("a", Files.readAllBytes(
                covers.resolve("a.png")));
        assertThat(e.unusual()).isEmpty();
    }
}
