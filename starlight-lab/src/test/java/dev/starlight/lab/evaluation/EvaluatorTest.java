package dev.starlight.lab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.lab.dataset.EvalSetGenerator;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.Scanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generator → labelled set → evaluator, end to end with the real scanner (no fusion fit: messages decide). */
class EvaluatorTest {
    @TempDir
    static Path dir;
    static EvalSetGenerator.Summary summary;
    static EvalReport report;

    @BeforeAll
    static void generateAndEvaluate() throws Exception {
        Path covers = Files.createDirectories(dir.resolve("covers"));
        for (int i = 0; i < 4; i++) {
            Files.write(covers.resolve("c" + i + ".png"),
                    SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, i)));
        }
        Files.write(covers.resolve("g.gif"), SyntheticImages.encode(SyntheticImages.indexed(ImageFormat.GIF, 64, 64, 64, 9)));
        // lines, as the corpus payloads have: a one-line text of at most 256 characters in an EXIF UserComment is a
        // caption by the metadata policy (docs/metadata-policy.md), so every cut of 8 bytes or more must span two lines
        byte[] text = "Hidden\nin plain sight: a message long enough\nto be cut at several lengths.\n".repeat(20)
                .getBytes(StandardCharsets.UTF_8);
        summary = new EvalSetGenerator(5, 0.0, List.of(text)).generate(covers, dir.resolve("sets"));
        Path calibration = dir.resolve("sets/calibration");
        Scanner scanner = new Scanner(ScanOptions.DEFAULT, List.of(), "test", null);
        report = new Evaluator(scanner, "test", 2).evaluate(
                EvalSet.load(List.of(calibration.resolve("clean")), List.of(calibration.resolve("stego"))));
    }

    @Test
    void generatorSplitsByCoverAndLabelsEveryStegoFile() throws Exception {
        assertThat(summary.covers()).isEqualTo(5);
        assertThat(summary.holdoutCovers()).isZero();
        assertThat(summary.stegoFiles()).isPositive();
        assertThat(dir.resolve("sets/holdout")).doesNotExist();
        try (var files = Files.walk(dir.resolve("sets/calibration/stego"))) {
            List<Path> images = files.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".gif")).toList();
            assertThat(images).hasSize(summary.stegoFiles());
            assertThat(images).allSatisfy(p -> assertThat(p.resolveSibling(p.getFileName() + ".json")).exists());
        }
    }

    @Test
    void cleanImagesAreNotFlaggedWhenOnlyMessagesDecide() {
        EvalReport.CleanRow all = report.clean().stream().filter(r -> r.format().equals(Evaluator.ALL)).findFirst().orElseThrow();
        assertThat(all.images()).isEqualTo(5);
        assertThat(all.flagged()).isZero();
        assertThat(all.errors()).isZero();
    }

    @Test
    void protocolGroupsAreDetectedWithTheRightMethodBitOrderAndExactMessage() {
        Map<String, EvalReport.StegoRow> rows = report.stego().stream().filter(r -> r.format().equals(Evaluator.ALL))
                .collect(Collectors.toMap(EvalReport.StegoRow::group, Function.identity()));
        assertThat(rows).containsKeys("alpha", "exif", "raw", "lsb.rgb-lsb-first", "lsb.rgb-msb-first",
                "palette-lsb-first", "palette-msb-first", "lsb.replace-0.05", "lsb.match-0.40");
        for (String group : List.of("alpha", "exif", "raw", "lsb.rgb-msb-first", "palette-msb-first")) {
            EvalReport.StegoRow row = rows.get(group);
            assertThat(row.detectionRate()).as(group).isEqualTo(1.0);
            assertThat(row.methodCorrect()).as(group).isEqualTo(1.0);
            assertThat(row.exactExtractions()).as(group).isEqualTo(row.knownMessages()).isEqualTo(row.images());
            assertThat(row.auc()).as(group).isEqualTo(1.0);
        }
        assertThat(rows.get("lsb.rgb-msb-first").bitOrderCorrect()).isEqualTo(1.0);
        // random-position LSB has no message to read and a known rate to estimate
        EvalReport.StegoRow lsb = rows.get("lsb.replace-0.40");
        assertThat(lsb.knownMessages()).isZero();
        assertThat(lsb.methodCorrect()).isNaN();
        assertThat(lsb.rateError()).isNotNaN();
    }

    @Test
    void throughputIsReported() {
        assertThat(report.images()).isEqualTo(5 + summary.stegoFiles());
        assertThat(report.imagesPerSecond()).isPositive();
        assertThat(report.threads()).isEqualTo(2);
    }
}
