package dev.starlight.lab.report;

import dev.starlight.core.Evidence;
import dev.starlight.core.explain.CleanBaseline;
import dev.starlight.core.explain.CleanDistribution;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.lab.dataset.CleanVariants;
import dev.starlight.lab.dataset.DataChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Makes the {@link CleanBaseline} the explainer compares evidence with: every clean cover in a folder and each of
 * its {@link CleanVariants} is scanned with the statistics-only scanner, and each detector's scores become a
 * {@link CleanDistribution}. The command line and a checksum of the covers go into the table's provenance.
 *
 * <pre>bin/clean-baseline --covers ../shared/corpus/covers --out FILE.json [--limit N] [--seed S]</pre>
 * {@code --limit} keeps the first N covers by name (for a quick run).
 */
public final class CleanBaselineFit {
    static final long DEFAULT_SEED = 20261124L;

    private CleanBaselineFit() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (!a.containsKey("--covers") || !a.containsKey("--out")) {
            System.err.println("usage: bin/clean-baseline --covers DIR --out FILE.json [--limit N] [--seed S]");
            throw new IllegalArgumentException("missing --covers or --out");
        }
        Path covers = Path.of(a.get("--covers"));
        Path out = Path.of(a.get("--out"));
        int limit = Integer.parseInt(a.getOrDefault("--limit", "0"));
        long seed = Long.parseLong(a.getOrDefault("--seed", String.valueOf(DEFAULT_SEED)));
        String command = a.getOrDefault("--command", "CleanBaselineFit " + String.join(" ", args));
        CleanBaseline baseline = fit(covers, limit, seed, command);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, baseline.write());
        System.out.println("wrote " + out + ": " + baseline.provenance().get("data") + "; "
                + baseline.detectors().size() + " detectors");
    }

    /** The table over the covers in {@code covers} (the first {@code limit} by name; all when 0) and their variants. */
    public static CleanBaseline fit(Path covers, int limit, long seed, String command) {
        List<Path> files;
        try (Stream<Path> list = Files.list(covers)) {
            files = list.filter(Files::isRegularFile).sorted().limit(limit > 0 ? limit : Long.MAX_VALUE).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Scanner scanner = new Scanner(ScanOptions.DEFAULT, List.of());
        Map<String, List<Double>> scores = new TreeMap<>();
        Map<String, List<Double>> estimates = new TreeMap<>();
        AtomicInteger variants = new AtomicInteger();
        AtomicInteger unreadable = new AtomicInteger();
        files.parallelStream().forEach(f -> {
            List<byte[]> images = new ArrayList<>();
            try {
                byte[] cover = Files.readAllBytes(f);
                images.add(cover);
                Map<String, byte[]> v = CleanVariants.of(cover, seed);
                variants.addAndGet(v.size());
                images.addAll(v.values());
            } catch (IOException | RuntimeException e) {
                unreadable.incrementAndGet();
            }
            for (byte[] image : images) {
                ScanResult r = scanner.scan(new ScanRequest(f.getFileName().toString(), null, image));
                if (r.isError()) {
                    unreadable.incrementAndGet();
                    continue;
                }
                synchronized (scores) {
                    for (Evidence e : r.evidence()) {
                        if (e.score() != null && e.kind() != Evidence.Kind.MODEL) {
                            scores.computeIfAbsent(e.detector(), k -> new ArrayList<>()).add(e.score());
                            if (e.estimate() != null) {
                                estimates.computeIfAbsent(e.detector(), k -> new ArrayList<>()).add(e.estimate());
                            }
                        }
                    }
                }
            }
        });
        Map<String, CleanDistribution> detectors = distributions(scores);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", command);
        provenance.put("data", (files.size() + variants.get()) + " clean images: " + files.size() + " covers of "
                + covers + " and " + variants.get() + " clean variants (CleanVariants, seed " + seed + ")"
                + (unreadable.get() > 0 ? "; " + unreadable.get() + " unreadable, left out" : ""));
        provenance.put("dataSha256", DataChecksum.of(covers, files));
        provenance.put("scanner", "statistics only (ScanOptions.DEFAULT, no model)");
        provenance.put("created", LocalDate.now(ZoneOffset.UTC).toString());
        return new CleanBaseline(provenance, CleanBaseline.LEVELS, detectors, distributions(estimates));
    }

    private static Map<String, CleanDistribution> distributions(Map<String, List<Double>> values) {
        Map<String, CleanDistribution> out = new TreeMap<>();
        values.forEach((detector, v) -> out.put(detector, CleanDistribution.of(
                v.stream().mapToDouble(Double::doubleValue).toArray(), CleanBaseline.LEVELS)));
        return out;
    }
}
