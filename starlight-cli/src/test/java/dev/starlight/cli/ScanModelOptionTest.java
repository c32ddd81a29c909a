package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.analysis.fusion.FusionModel;
import dev.starlight.core.model.ModelDetector;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ShippedModel;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.testsupport.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --model}: the shipped model by default (as a fresh detector serves), none, or a model file. */
class ScanModelOptionTest {
    @TempDir
    Path dir;

    @Test
    void theShippedModelScansByDefaultAndNoneLeavesTheStatisticsAlone() throws IOException {
        ModelEnvelope shipped = ShippedModel.envelope().orElseThrow();
        TestImages.write(dir.resolve("a.png"), TestImages.rgb(96, 96), "png");

        ScanResult byDefault = CliRun.of("scan", "--json", dir.toString()).jsonResults().get(0);
        assertThat(byDefault.modelVersion()).isEqualTo(shipped.version());
        assertThat(byDefault.evidence()).anySatisfy(e -> assertThat(e.detector())
                .isEqualTo(ModelDetector.PREFIX + shipped.name()));

        ScanResult none = CliRun.of("scan", "--json", "--model", "none", dir.toString()).jsonResults().get(0);
        assertThat(none.modelVersion()).isEqualTo(Scanner.defaultVersion(FusionModel.shipped()));
        assertThat(none.evidence()).noneSatisfy(e -> assertThat(e.detector()).startsWith(ModelDetector.PREFIX));
    }

    @Test
    void aModelFileIsLoadedFromItsEnvelope() throws IOException {
        Path model = Files.write(dir.resolve("m.slme"), ShippedModel.envelope().orElseThrow().toBytes());
        TestImages.write(dir.resolve("img/a.png"), TestImages.rgb(64, 64), "png");
        ScanResult r = CliRun.of("scan", "--json", "--model", model.toString(), dir.resolve("img").toString())
                .jsonResults().get(0);
        assertThat(r.modelVersion()).isEqualTo(ShippedModel.envelope().orElseThrow().version());
    }

    @Test
    void aDamagedModelFileIsAUsageError() throws IOException {
        Path model = Files.write(dir.resolve("bad.slme"), new byte[] {'S', 'L', 'M', 'E', 1, 0, 0});
        TestImages.write(dir.resolve("img/a.png"), TestImages.rgb(64, 64), "png");
        CliRun run = CliRun.of("scan", "--model", model.toString(), dir.resolve("img").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run.err()).contains("--model");
    }
}
