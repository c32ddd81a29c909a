package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.lab.hostile.HostileCorpus;
import dev.starlight.core.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code starlight hostile} writes a reproducible corpus, and {@code starlight scan --json} answers every file. */
class HostileCommandTest {
    private static final int COUNT = 200;

    @TempDir
    Path dir;

    @Test
    void theCorpusIsWrittenWithAManifestAndTheSameSeedGivesTheSameBytes() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(CliRun.of("hostile", "--out", a.toString(), "--count", "40", "--seed", "5").exitCode()).isZero();
        assertThat(CliRun.of("hostile", "--out", b.toString(), "--count", "40", "--seed", "5").exitCode()).isZero();

        List<String> manifest = Files.readAllLines(a.resolve("manifest.tsv"));
        assertThat(manifest).hasSize(41);
        assertThat(manifest.get(0)).isEqualTo("name\tkind\tseed\tsize");
        for (String row : manifest.subList(1, manifest.size())) {
            String[] f = row.split("\t");
            byte[] bytes = Files.readAllBytes(a.resolve(f[0]));
            assertThat(f[0]).matches("\\d{5}-" + f[1] + "\\.\\w+");
            assertThat(bytes).hasSize(Integer.parseInt(f[3]));
            assertThat(bytes).isEqualTo(Files.readAllBytes(b.resolve(f[0])));
            assertThat(bytes).isEqualTo(HostileCorpus.make(f[1], Long.parseLong(f[2])));
        }
    }

    @Test
    void scanJsonGivesOneRowPerHostileFileAndNoInternalError() throws IOException {
        Path out = dir.resolve("corpus");
        assertThat(CliRun.of("hostile", "--out", out.toString(), "--count", String.valueOf(COUNT)).exitCode()).isZero();

        CliRun run = CliRun.of("scan", "--json", "-q", "--timeout-seconds", "10", out.toString());

        List<ScanResult> results = run.jsonResults();
        Set<String> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.map(Path::toString).collect(Collectors.toSet());
        }
        assertThat(files).hasSize(COUNT + 1); // and manifest.tsv, which is scanned too
        assertThat(results).extracting(ScanResult::source).containsExactlyInAnyOrderElementsOf(files);
        assertThat(results).filteredOn(r -> r.error() != null).extracting(r -> r.error().code())
                .doesNotContain("INTERNAL", "TIMEOUT", "IO_ERROR");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.SCAN_ERRORS);
    }
}
