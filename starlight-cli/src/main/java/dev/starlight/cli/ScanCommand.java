package dev.starlight.cli;

import dev.starlight.core.events.Topics;
import dev.starlight.codecs.image.ImageLimits;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.core.scan.SteghideDeepCheck;
import dev.starlight.core.search.steghide.SteghideSeedSearch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code starlight scan PATH...}: one verdict per file, in parallel, printed in input order. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scans image files and folders (recursively) and prints one verdict per file.",
            "Output is in input order (arguments as given, each folder's files sorted by path), whatever --threads is.",
            "Inside folders, hidden entries and .json sidecars are skipped; symbolic link loops are skipped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no stego, or stego without --fail-on-stego", "2:usage error",
            "3:stego found and --fail-on-stego given (wins over 4)", "4:some files gave error rows"})
public final class ScanCommand implements Callable<Integer> {

    static final class Format {
        @Option(names = "--json", description = "One ScanResult JSON object per line.")
        boolean json;

        @Option(names = "--csv", description = "CSV (RFC 4180) with a header row.")
        boolean csv;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Image files or folders.")
    List<Path> paths;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Option(names = "--no-extract", description = "Detect only: leave recovered messages out of the results.")
    boolean noExtract;

    @Option(names = "--max-bytes", paramLabel = "BYTES", description = "Largest file scanned (default: ${DEFAULT-VALUE}).")
    long maxBytes = ImageLimits.DEFAULT.maxBytes();

    @Option(names = "--max-pixels", paramLabel = "N", description = "Largest width x height decoded (default: ${DEFAULT-VALUE}).")
    long maxPixels = ImageLimits.DEFAULT.maxPixels();

    @Option(names = "--threads", paramLabel = "N", description = "Files scanned at once (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--timeout-seconds", paramLabel = "S",
            description = "Time limit per file; a file over it gets a TIMEOUT error row (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 30;

    @Option(names = "--deep", description = {"Also search every JPEG for steghide data without the passphrase, "
            + "by trying all 2^32 seeds steghide can derive from one (about a minute per file on 2 cores; files "
            + "are then scanned one at a time, each search on --threads threads). An embedding found makes the file "
            + "stego with method steghide, and an unencrypted one is extracted."})
    boolean deep;

    @Option(names = "--deep-triage", description = "With --deep: search only the JPEGs the fast path finds "
            + "suspicious (called stego, or the JPEG classifier's steghide detector at its triage bar: on held-out "
            + "JPEGs 99%% of steghide files and about half of clean ones); the others say in their evidence that "
            + "they were not searched.")
    boolean deepTriage;

    @Option(names = "--deep-seconds", paramLabel = "S", description = "Time limit of one file's --deep search; "
            + "a search stopped by it says in its evidence how far it got (default: ${DEFAULT-VALUE}).")
    int deepSeconds = 600;

    @Option(names = "--fail-on-stego", description = "Exit with 3 when any file is stego.")
    boolean failOnStego;

    @Option(names = "--via-kafka", paramLabel = "BOOTSTRAP",
            description = "Send the files to a running detector over Kafka (e.g. localhost:9092, as started by "
                    + "'starlight up') instead of scanning here; --timeout-seconds then bounds the whole run.")
    String viaKafka;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties for --via-kafka (security.protocol, sasl.*, ssl.*: the keys the "
                    + "services take as kafka.*, without that prefix).")
    Path kafkaConfig;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Topic prefix with --via-kafka (default: ${DEFAULT-VALUE}).")
    String topicPrefix = Topics.DEFAULT_PREFIX;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on standard error: no progress bar, no summary, no warnings.")
    boolean quiet;

    @Option(names = "--model", paramLabel = "shipped|none|FILE",
            description = "The model beside the statistics: the one shipped with Starlight (what a fresh detector "
                    + "serves), none, or a model file (.slme envelope or .onnx) (default: ${DEFAULT-VALUE}).")
    String model = "shipped";

    private final Function<ScanOptions, ImageScanner> scanners;

    public ScanCommand() {
        this(null);
    }

    /** Test seam: {@code scanners} builds what scans the bytes from the options of this run. */
    ScanCommand(Function<ScanOptions, ImageScanner> scanners) {
        this.scanners = scanners;
    }

    @Override
    public Integer call() throws InterruptedException {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> warn = quiet ? line -> { } : line -> err.println("starlight scan: " + line);

        List<Path> files = new InputFiles(warn).collect(paths);
        ScanOptions options = new ScanOptions(ImageLimits.DEFAULT.withMaxBytes(maxBytes).withMaxPixels(maxPixels),
                !noExtract);
        ScanModel served = scanners == null ? loadModel() : ScanModel.NONE;
        ImageScanner scanner = scanners == null ? served.scanner(options) : scanners.apply(options);
        ResultPrinter printer = printer(out, files);
        ScanTally tally = new ScanTally();
        ProgressBar bar = !quiet && Terminal.stderrIsTerminal() ? new ProgressBar(err, files.size(), tally) : null;
        if (deep) {
            scanner = deepScanner(scanner, bar);
        }
        FileScanner fileScanner = new FileScanner(scanner, maxBytes);

        long start = System.nanoTime();
        printer.header();
        Consumer<ScanResult> print = bar == null ? printer::print : r -> bar.printAbove(() -> printer.print(r));
        Consumer<ScanResult> onDone = bar == null ? tally::add : r -> {
            tally.add(r);
            bar.update();
        };
        if (viaKafka != null) {
            // results arrive in any order; rows are printed in input order once all are in
            List<ScanResult> results = new KafkaRoundTrip(viaKafka, KafkaRoundTrip.load(kafkaConfig),
                    new Topics(topicPrefix), Duration.ofSeconds(timeoutSeconds)).scan(files, onDone);
            results.forEach(print);
        } else {
            // a deep search takes every thread, so files go one at a time, each with the search's time on top
            new ScanRunner(fileScanner, deep ? 1 : threads,
                    Duration.ofSeconds(timeoutSeconds + (deep ? deepSeconds : 0))).run(files, print, onDone);
        }
        out.flush();
        if (bar != null) {
            bar.finish();
        }
        served.close();
        if (!quiet) {
            err.println(summary(tally, (System.nanoTime() - start) / 1e9));
        }
        return exitCode(tally.stego() > 0, tally.errors() > 0, failOnStego);
    }

    /** The fast scan, then for a JPEG the steghide seed search, with its progress on the bar. */
    private ImageScanner deepScanner(ImageScanner fast, ProgressBar bar) {
        SteghideDeepCheck check = new SteghideDeepCheck(threads);
        return request -> {
            long deadline = System.nanoTime() + deepSeconds * 1_000_000_000L;
            ScanResult fastResult = fast.scan(request);
            if (deepTriage && !SteghideDeepCheck.suspicious(fastResult, request.data())) {
                return SteghideDeepCheck.notSuspicious(fastResult);
            }
            ScanResult result = check.check(fastResult, request.data(), !noExtract, done -> {
                if (bar != null) {
                    bar.status(String.format(Locale.ROOT, "steghide seeds %.0f%%",
                            100.0 * done / SteghideSeedSearch.SEEDS));
                }
            }, () -> System.nanoTime() > deadline);
            if (bar != null) {
                bar.status("");
            }
            return result;
        };
    }

    private ScanModel loadModel() {
        try {
            return ScanModel.load(model);
        } catch (java.io.UncheckedIOException | dev.starlight.codecs.StarlightException e) {
            throw new ParameterException(spec.commandLine(), "--model " + model + ": " + e.getMessage());
        }
    }

    /** Precedence: stego with --fail-on-stego (3) over error rows (4) over success (0). */
    static int exitCode(boolean anyStego, boolean anyError, boolean failOnStego) {
        if (anyStego && failOnStego) {
            return ExitCodes.STEGO_FOUND;
        }
        return anyError ? ExitCodes.SCAN_ERRORS : ExitCodes.OK;
    }

    private void validate() {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout-seconds must be at least 1, got " + timeoutSeconds);
        }
        if (deepSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--deep-seconds must be at least 1, got " + deepSeconds);
        }
        if (deepTriage && !deep) {
            throw new ParameterException(spec.commandLine(), "--deep-triage goes with --deep");
        }
        if (deep && viaKafka != null) {
            throw new ParameterException(spec.commandLine(), "--deep runs here; it cannot be combined with --via-kafka");
        }
        if (maxBytes < 1 || maxPixels < 1) {
            throw new ParameterException(spec.commandLine(), "--max-bytes and --max-pixels must be positive");
        }
    }

    private ResultPrinter printer(PrintWriter out, List<Path> files) {
        if (format.json) {
            return new JsonLinesPrinter(out);
        }
        if (format.csv) {
            return new CsvPrinter(out);
        }
        int pathWidth = files.stream().mapToInt(p -> p.toString().length()).max().orElse(4);
        return new TablePrinter(out, pathWidth);
    }

    private static String summary(ScanTally tally, double seconds) {
        return String.format(Locale.ROOT, "scanned %d file%s: %d clean, %d stego, %d error%s in %.1f s",
                tally.done(), tally.done() == 1 ? "" : "s", tally.clean(), tally.stego(), tally.errors(),
                tally.errors() == 1 ? "" : "s", seconds);
    }
}
