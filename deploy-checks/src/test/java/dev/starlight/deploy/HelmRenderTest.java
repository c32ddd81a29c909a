package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs deploy/helm/verify.sh (render with Go's text/template, check the manifests) where go and PyYAML exist. */
class HelmRenderTest {

    private static boolean has(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theChartRendersAndItsManifestsPassTheChecks() throws Exception {
        assumeTrue(has("go", "version"), "go is not installed (Debian: golang-go): the chart is not rendered here");
        assumeTrue(has("python3", "-c", "import yaml"), "python3 with PyYAML is missing: the chart is not rendered here");
        Process p = new ProcessBuilder("bash", Repo.ROOT.resolve("deploy/helm/verify.sh").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("default values: ok", "all values: ok: 23 objects");
    }
}
