package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.core.scan.Verdict;
import dev.starlight.testsupport.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.write(path, content);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void jsonLinesParseBackWithThePathAsSourceAndRequestId() throws IOException {
        TestImages.write(dir.resolve("a.png"), TestImages.rgb(8, 8), "png");
        TestImages.write(dir.resolve("sub/b.gif"), TestImages.indexed(8, 8), "gif");
        file("c.bin", randomBytes(100));

        CliRun run = CliRun.of("scan", "--json", dir.toString());

        List<ScanResult> results = run.jsonResults();
        assertThat(results).extracting(ScanResult::source).containsExactly(
                dir.resolve("a.png").toString(), dir.resolve("c.bin").toString(), dir.resolve("sub/b.gif").toString());
        assertThat(results).allSatisfy(r -> assertThat(r.requestId()).isEqualTo(r.source()));
        assertThat(results.get(0).format()).isEqualTo("png");
        assertThat(results.get(0).sha256()).isEqualTo(Scanner.sha256(Files.readAllBytes(dir.resolve("a.png"))));
        assertThat(results.get(1).error().code()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.SCAN_ERRORS);
        // the DESIGN.md fields, in order, and nothing else
        assertThat(run.outLines()).allSatisfy(line -> assertThat(fieldNames(line)).containsExactly("requestId",
                "sha256", "source", "format", "width", "height", "verdict", "stegoProbability", "method", "bitOrder",
                "payload", "evidence", "modelVersion", "latencyMs", "error"));
        assertThat(results.get(1).error().message()).startsWith("not PNG, GIF, BMP, JPEG or WebP");
    }

    private static List<String> fieldNames(String json) throws IOException {
        List<String> names = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void foldersAreWalkedRecursivelySkippingSidecarsAndHiddenEntries() throws IOException {
        file("one.png", randomBytes(10));
        file("one.png.json", "{}".getBytes(StandardCharsets.UTF_8));
        file("deep/er/two.gif", randomBytes(10));
        file("deep/UPPER.JSON", "{}".getBytes(StandardCharsets.UTF_8));
        file(".hidden.png", randomBytes(10));
        file(".git/objects/x.png", randomBytes(10));

        CliRun run = CliRun.of("scan", "--json", "-q", dir.toString());

        assertThat(run.jsonResults()).extracting(ScanResult::source).containsExactly(
                dir.resolve("deep/er/two.gif").toString(), dir.resolve("one.png").toString());
    }

    @Test
    void aFileNamedExplicitlyIsScannedEvenIfItLooksLikeASidecarAndDuplicatesAreListedOnce() throws IOException {
        Path json = file("x.json", "{}".getBytes(StandardCharsets.UTF_8));
        Path a = file("a.bin", randomBytes(5));

        CliRun run = CliRun.of("scan", "--json", "-q", json.toString(), a.toString(), dir.toString());

        assertThat(run.jsonResults()).extracting(ScanResult::source).containsExactly(json.toString(), a.toString());
    }

    @Test
    void garbageFilesGiveOneErrorRowEachWithAStableCodeAndExitFour() throws IOException {
        file("random.bin", randomBytes(64));
        file("empty.png", new byte[0]);
        file("text.txt", "hello, world\n".getBytes(StandardCharsets.UTF_8));

        CliRun run = CliRun.of("scan", "--json", dir.toString());

        assertThat(run.jsonResults()).extracting(r -> r.verdict(), r -> r.error().code()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Verdict.ERROR, "EMPTY_INPUT"),
                org.assertj.core.groups.Tuple.tuple(Verdict.ERROR, "UNSUPPORTED_FORMAT"),
                org.assertj.core.groups.Tuple.tuple(Verdict.ERROR, "UNSUPPORTED_FORMAT"));
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("scanned 3 files: 0 clean, 0 stego, 3 errors");
    }

    @Test
    void realImagesGiveOneRowEachWhateverTheDecodersCanDoToday() throws IOException {
        TestImages.write(dir.resolve("rgb.png"), TestImages.rgb(8, 8), "png");
        TestImages.write(dir.resolve("rgba.png"), TestImages.rgba(8, 8), "png");
        TestImages.write(dir.resolve("idx.gif"), TestImages.indexed(8, 8), "gif");
        TestImages.write(dir.resolve("bgr.bmp"), TestImages.bgr(8, 8), "bmp");
        TestImages.write(dir.resolve("bgr.jpg"), TestImages.bgr(8, 8), "jpeg");

        CliRun run = CliRun.of("scan", "--json", dir.toString());

        List<ScanResult> results = run.jsonResults();
        assertThat(results).extracting(ScanResult::format).containsExactly("bmp", "jpeg", "gif", "png", "png");
        assertThat(results).allSatisfy(r -> {
            if (r.isError()) {
                assertThat(r.error().code()).isNotBlank();
            } else {
                assertThat(r.width()).isEqualTo(8);
            }
        });
        boolean anyError = results.stream().anyMatch(ScanResult::isError);
        assertThat(run.exitCode()).isEqualTo(anyError ? ExitCodes.SCAN_ERRORS : ExitCodes.OK);
    }

    @Test
    void missingAndUnreadableInputsBecomeIoErrorRows() throws IOException {
        Path missing = dir.resolve("gone.png");
        Path locked = file("locked.png", randomBytes(20));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Path broken = dir.resolve("sub/broken.png");
        Files.createDirectories(broken.getParent());
        Files.createSymbolicLink(broken, dir.resolve("nowhere.png"));

        CliRun run = CliRun.of("scan", "--json", missing.toString(), locked.toString(), dir.resolve("sub").toString());

        List<ScanResult> results = run.jsonResults();
        assertThat(results).hasSize(3);
        assertThat(results.get(0).error().code()).isEqualTo("IO_ERROR");
        assertThat(results.get(0).error().message()).isEqualTo(missing + ": no such file");
        assertThat(results.get(2).source()).isEqualTo(broken.toString());
        assertThat(results.get(2).error().code()).isEqualTo("IO_ERROR");
        if (!Files.isReadable(locked)) { // root reads anything: then only the other two prove the point
            assertThat(results.get(1).error().code()).isEqualTo("IO_ERROR");
            assertThat(results.get(1).error().message()).isEqualTo(locked + ": permission denied");
        }
        assertThat(run.exitCode()).isEqualTo(4);
    }

    @Test
    void symbolicLinkLoopsAreSkippedWithAWarning() throws IOException {
        file("a/x.bin", randomBytes(3));
        Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));

        CliRun run = CliRun.of("scan", "--json", dir.resolve("a").toString());

        assertThat(run.jsonResults()).extracting(ScanResult::source).containsExactly(dir.resolve("a/x.bin").toString());
        assertThat(run.err()).contains("skipping symbolic link loop: " + dir.resolve("a/loop"));
    }

    @Test
    void csvHasAHeaderAndQuotesFieldsTheRfc4180Way() throws IOException {
        file("we,\"ird\".png", randomBytes(9));
        file("stego.png", "line one\nsaid \"hi\", twice".getBytes(StandardCharsets.UTF_8));

        CliRun run = CliRun.withScanner(o -> FakeScans::byName, "scan", "--csv", dir.toString());

        assertThat(run.out()).startsWith(String.join(",", CsvPrinter.COLUMNS) + "\r\n");
        String[] records = run.out().split("\r\n");
        assertThat(records).hasSize(3);
        String message = "line one\nsaid \"hi\", twice";
        assertThat(records[1]).startsWith(dir.resolve("stego.png") + ",stego,0.99,lsb.rgb,msb-first,png,8,8,"
                + message.length() + ",utf-8,\"line one\nsaid \"\"hi\"\", twice\",");
        assertThat(records[2]).startsWith("\"" + dir.resolve("we,\"\"ird\"\".png") + "\",clean,0.1,");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void csvFieldQuotingFollowsRfc4180() {
        assertThat(CsvPrinter.field(null)).isEmpty();
        assertThat(CsvPrinter.field("plain")).isEqualTo("plain");
        assertThat(CsvPrinter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvPrinter.field("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(CsvPrinter.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    @Test
    void tableShowsOneAlignedRowPerFileWithAnEscapedPayloadPreview() throws IOException {
        file("stego-long.png", "first line\tand a tab, then a very long tail that goes on".getBytes(StandardCharsets.UTF_8));
        file("binary.png", new byte[] {1, 2, 3});
        file("bad.png", new byte[] {9});
        file("clean.png", new byte[] {8});

        CliRun run = CliRun.withScanner(o -> FakeScans::byName, "scan", dir.toString());

        List<String> lines = run.outLines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("PATH").contains("VERDICT", "PROB", "METHOD", "BIT ORDER", "PAYLOAD", "ERROR");
        int verdictColumn = lines.get(0).indexOf("VERDICT");
        assertThat(lines.subList(1, 5)).allSatisfy(l -> assertThat(l.charAt(verdictColumn - 1)).isEqualTo(' '));
        assertThat(lines.get(1)).startsWith(dir.resolve("bad.png").toString()).contains(" error ").endsWith("MALFORMED");
        assertThat(lines.get(2)).contains(" stego ", "0.95", "raw", "<3 bytes binary>");
        assertThat(lines.get(3)).contains(" clean ", "0.10");
        assertThat(lines.get(4)).contains(" stego ", "0.99", "lsb.rgb", "msb-first",
                "first line\\tand a tab, then a very long t...");
        assertThat(run.exitCode()).isEqualTo(4);
    }

    @Test
    void exitCodePrecedenceIsStegoWithFailOnStegoThenErrorsThenSuccess() throws IOException {
        file("clean.png", new byte[] {1});
        assertThat(CliRun.withScanner(o -> FakeScans::byName, "scan", "-q", "--fail-on-stego", dir.toString()).exitCode())
                .isEqualTo(0);
        file("stego.png", "hi".getBytes(StandardCharsets.UTF_8));
        assertThat(CliRun.withScanner(o -> FakeScans::byName, "scan", "-q", dir.toString()).exitCode()).isEqualTo(0);
        assertThat(CliRun.withScanner(o -> FakeScans::byName, "scan", "-q", "--fail-on-stego", dir.toString()).exitCode())
                .isEqualTo(3);
        file("bad.png", new byte[] {1});
        assertThat(CliRun.withScanner(o -> FakeScans::byName, "scan", "-q", dir.toString()).exitCode()).isEqualTo(4);
        assertThat(CliRun.withScanner(o -> FakeScans::byName, "scan", "-q", "--fail-on-stego", dir.toString()).exitCode())
                .isEqualTo(3);

        assertThat(ScanCommand.exitCode(false, false, true)).isEqualTo(0);
        assertThat(ScanCommand.exitCode(true, false, false)).isEqualTo(0);
        assertThat(ScanCommand.exitCode(false, true, true)).isEqualTo(4);
        assertThat(ScanCommand.exitCode(true, true, true)).isEqualTo(3);
    }

    private static final Path STEGHIDE_FIXTURES =
            Path.of("../starlight-core/src/test/resources/dev/starlight/core/search/steghide");

    @Test
    void deepFindsSteghideWithoutThePassphraseAndLeavesOtherFormatsAlone() throws IOException {
        Files.copy(STEGHIDE_FIXTURES.resolve("early-seed.jpg"), dir.resolve("a.jpg"));
        TestImages.write(dir.resolve("b.png"), TestImages.rgb(8, 8), "png");

        CliRun run = CliRun.of("scan", "--deep", "--json", "--model", "none", dir.toString());

        List<ScanResult> results = run.jsonResults();
        assertThat(results.get(0).verdict()).isEqualTo(Verdict.STEGO);
        assertThat(results.get(0).method()).isEqualTo("steghide");
        assertThat(results.get(0).evidence()).anySatisfy(e -> {
            assertThat(e.detector()).isEqualTo("steghide.seed");
            assertThat(e.detail()).contains("rijndael-128");
        });
        assertThat(results.get(1).evidence()).noneSatisfy(e -> assertThat(e.detector()).isEqualTo("steghide.seed"));
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void deepTriageSearchesOnlyTheJpegsTheFastPathFindsSuspicious() throws IOException {
        // early-seed's steghide detector is over its triage bar; a clean corpus cover re-saved at 75 is under it
        Files.copy(STEGHIDE_FIXTURES.resolve("early-seed.jpg"), dir.resolve("a.jpg"));
        Files.copy(STEGHIDE_FIXTURES.resolve("../../analysis/outguess/resaved-0010.jpg").normalize(),
                dir.resolve("b.jpg"));

        CliRun run = CliRun.of("scan", "--deep", "--deep-triage", "--json", "--model", "none", dir.toString());

        List<ScanResult> results = run.jsonResults();
        assertThat(results.get(0).method()).isEqualTo("steghide");
        assertThat(results.get(1).verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(results.get(1).evidence()).anySatisfy(e -> {
            assertThat(e.detector()).isEqualTo("steghide.seed");
            assertThat(e.score()).isNull();
            assertThat(e.detail()).contains("not searched").contains("triage");
        });
        assertThat(CliRun.of("scan", "--deep-triage", dir.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void aDeepSearchOverItsTimeLimitSaysHowFarItGotAndKeepsTheFastVerdict() throws IOException {
        Files.copy(STEGHIDE_FIXTURES.resolve("none-uncompressed.jpg"), dir.resolve("late.jpg"));

        CliRun run = CliRun.of("scan", "--deep", "--deep-seconds", "1", "--json", "--model", "none", dir.toString());

        ScanResult r = run.jsonResults().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(r.evidence()).anySatisfy(e -> {
            assertThat(e.detector()).isEqualTo("steghide.seed");
            assertThat(e.score()).isNull();
            assertThat(e.detail()).startsWith("not run to the end");
        });
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        Path f = file("a.bin", new byte[] {1});
        assertThat(CliRun.of("scan").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scan", "--json", "--csv", f.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scan", "--threads", "0", f.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scan", "--threads", "many", f.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scan", "--frobnicate", f.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scran", f.toString()).exitCode()).isEqualTo(2);
        CliRun bare = CliRun.of();
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("a command is required");
        assertThat(CliRun.of("scan", "--deep", "--deep-seconds", "0", f.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scan", "--deep", "--via-kafka", "localhost:1", f.toString()).exitCode()).isEqualTo(2);
        CliRun zeroTimeout = CliRun.of("scan", "--timeout-seconds", "0", f.toString());
        assertThat(zeroTimeout.exitCode()).isEqualTo(2);
        assertThat(zeroTimeout.err()).contains("--timeout-seconds must be at least 1, got 0");
    }

    @Test
    void aScanOverTheTimeLimitGivesATimeoutRowAndTheRunGoesOn() throws IOException {
        file("fast1.png", new byte[] {1});
        Path slow = file("slow.png", new byte[] {2});
        file("fast2.png", new byte[] {3});
        ImageScanner slowOnSlowPng = request -> {
            if (request.source().endsWith("slow.png")) {
                try {
                    Thread.sleep(20_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return FakeScans.byName(request);
        };

        long start = System.nanoTime();
        CliRun run = CliRun.withScanner(o -> slowOnSlowPng, "scan", "--json", "--timeout-seconds", "1",
                "--threads", "1", dir.toString());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        List<ScanResult> results = run.jsonResults();
        assertThat(results).extracting(r -> r.verdict()).containsExactly(Verdict.CLEAN, Verdict.CLEAN, Verdict.ERROR);
        ScanResult timedOut = results.get(2);
        assertThat(timedOut.source()).isEqualTo(slow.toString());
        assertThat(timedOut.error().code()).isEqualTo("TIMEOUT");
        assertThat(timedOut.error().message()).isEqualTo("scan took longer than 1 s (--timeout-seconds)");
        assertThat(timedOut.sha256()).isEqualTo(Scanner.sha256(new byte[] {2}));
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(seconds).isLessThan(10);
    }

    @Test
    void outputOrderIsTheSortedInputOrderWhateverTheThreadCount() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(file(String.format("f%02d.png", i), new byte[] {(byte) i}).toString());
        }
        ImageScanner jittery = request -> {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeScans.byName(request);
        };

        CliRun run = CliRun.withScanner(o -> jittery, "scan", "--json", "--threads", "8", dir.toString());

        assertThat(run.jsonResults()).extracting(ScanResult::source).containsExactlyElementsOf(expected);
    }

    @Test
    void optionsReachTheScannerAndFilesOverMaxBytesAreNotRead() throws IOException {
        file("small.png", new byte[] {1, 2});
        Path big = file("big.png", TestImages.bytes(TestImages.rgb(16, 16), "png"));
        AtomicReference<ScanOptions> seen = new AtomicReference<>();
        List<String> scanned = java.util.Collections.synchronizedList(new ArrayList<>());

        CliRun run = CliRun.withScanner(options -> {
            seen.set(options);
            return request -> {
                scanned.add(request.source());
                return FakeScans.byName(request);
            };
        }, "scan", "--json", "--no-extract", "--max-bytes", "10", "--max-pixels", "1234", dir.toString());

        assertThat(seen.get().extract()).isFalse();
        assertThat(seen.get().limits().maxBytes()).isEqualTo(10);
        assertThat(seen.get().limits().maxPixels()).isEqualTo(1234);
        assertThat(scanned).containsExactly(dir.resolve("small.png").toString());
        ScanResult tooLarge = run.jsonResults().get(0);
        assertThat(tooLarge.source()).isEqualTo(big.toString());
        assertThat(tooLarge.error().code()).isEqualTo("TOO_LARGE");
        assertThat(tooLarge.format()).isEqualTo("png");
        assertThat(tooLarge.sha256()).isEqualTo(Scanner.sha256(Files.readAllBytes(big)));
    }

    @Test
    void quietLeavesStandardErrorEmpty() throws IOException {
        file("a.bin", new byte[] {1});
        CliRun run = CliRun.of("scan", "-q", dir.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(2);
    }
}
