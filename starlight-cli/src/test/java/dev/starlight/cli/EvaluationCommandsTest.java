package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.codecs.SyntheticImages;
import dev.starlight.core.analysis.fusion.FusionModel;
import dev.starlight.codecs.image.ImageFormat;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset} → {@code calibrate} → {@code eval}, as a user runs them, on covers drawn in the test. */
class EvaluationCommandsTest {
    @TempDir
    Path dir;

    @Test
    void datasetCalibrateAndEvalProduceAFitAndAReportOnTheHeldOutCovers() throws Exception {
        Path covers = Files.createDirectories(dir.resolve("covers"));
        for (int i = 0; i < 8; i++) {
            Files.write(covers.resolve("c" + i + ".png"),
                    SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, 100 + i)));
        }
        Path payloads = Files.createDirectories(dir.resolve("payloads"));
        Files.writeString(payloads.resolve("m.md"), "# A message\n\nWith enough words to be cut at several lengths. ".repeat(30));
        Path sets = dir.resolve("sets");

        CliRun dataset = CliRun.of("dataset", "--covers", covers.toString(), "--payloads", payloads.toString(),
                "--out", sets.toString(), "--seed", "3", "--holdout", "0.5");
        assertThat(dataset.exitCode()).as(dataset.err()).isZero();
        assertThat(dataset.out()).startsWith("8 covers (");
        assertThat(sets.resolve("calibration/clean")).isDirectory();
        assertThat(sets.resolve("holdout/clean")).isDirectory();
        assertThat(sets.resolve("holdout/clean-variants/rgba-soft-alpha")).isDirectory();
        assertThat(sets.resolve("holdout/clean-variants/harmless-trailer")).isDirectory();

        Path fit = dir.resolve("fit.json");
        CliRun calibrate = CliRun.of("calibrate", "--clean", sets.resolve("calibration/clean").toString(),
                "--stego", sets.resolve("calibration/stego").toString(), "--out", fit.toString(),
                "--version-name", "fusion-test", "--threads", "2");
        assertThat(calibrate.exitCode()).as(calibrate.err()).isZero();
        assertThat(calibrate.out()).contains("truecolour").contains("wrote " + fit);
        FusionModel model;
        try (InputStream in = Files.newInputStream(fit)) {
            model = FusionModel.fromJson(in);
        }
        assertThat(model.version()).isEqualTo("fusion-test");
        assertThat(model.groups()).containsKey("truecolour");
        assertThat(model.provenance().get("command")).startsWith("starlight calibrate --clean ");
        assertThat(model.provenance().get("dataSha256")).hasSize(64);

        CliRun eval = CliRun.of("eval", "--clean", sets.resolve("holdout/clean").toString(),
                "--stego", sets.resolve("holdout/stego").toString(), "--fusion", fit.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(eval.out());
        assertThat(report.get("scanner").asText()).endsWith("+fusion-test");
        assertThat(report.get("clean")).isNotEmpty();
        boolean sawRaw = false;
        for (JsonNode row : report.get("stego")) {
            if (row.get("group").asText().equals("raw") && row.get("format").asText().equals("all")) {
                sawRaw = true;
                assertThat(row.get("detectionRate").asDouble()).isEqualTo(1.0);
                assertThat(row.get("exactExtractions").asInt()).isEqualTo(row.get("images").asInt());
            }
        }
        assertThat(sawRaw).isTrue();

        CliRun table = CliRun.of("eval", "--clean", sets.resolve("holdout/clean").toString(),
                "--clean", sets.resolve("holdout/clean-variants").toString(),
                "--stego", sets.resolve("holdout/stego").toString(), "--fusion", fit.toString());
        assertThat(table.out()).contains("| clean group | format | images | flagged | FPR | errors | FPR 95% upper (Wilson) |")
                .contains("| raw | png |").contains("| rgba-soft-alpha | png |").contains("| clean | all |");
    }
}
