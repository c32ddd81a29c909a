package dev.starlight.lab.evaluation;

import dev.starlight.core.analysis.fusion.FusionFeatures;
import dev.starlight.core.Evidence;
import dev.starlight.core.analysis.PayloadEstimate;
import dev.starlight.core.analysis.fusion.StructuralRules;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Runs the scanner everything else uses over a labelled set and measures it: false positives per format on clean
 * images, and per stego group and format the detection rate, AUC, TPR at 1% and 5% FPR, payload-estimate error,
 * method and bit-order accuracy, extraction exactness; and throughput.
 */
public final class Evaluator {
    public static final String ALL = "all";

    private final Scanner scanner;
    private final String scannerVersion;
    private final int threads;

    public Evaluator(Scanner scanner, String scannerVersion, int threads) {
        this.scanner = scanner;
        this.scannerVersion = scannerVersion;
        this.threads = Math.max(1, threads);
    }

    public EvalReport evaluate(List<LabelledImage> images) {
        long start = System.nanoTime();
        List<ScoredImage> scored = scoreAll(images);
        double seconds = (System.nanoTime() - start) / 1e9;
        return report(scored, seconds);
    }

    /** Scans every image (in parallel) and keeps what the evaluation needs, in input order. */
    public List<ScoredImage> scoreAll(List<LabelledImage> images) {
        List<ScanResult> results = scanAll(images);
        List<ScoredImage> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            out.add(score(images.get(i), results.get(i)));
        }
        return out;
    }

    /** Scans every image on {@code threads} threads; results in input order. */
    public List<ScanResult> scanAll(List<LabelledImage> images) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ScanResult>> futures = new ArrayList<>(images.size());
            for (LabelledImage image : images) {
                futures.add(pool.submit(() -> scan(image)));
            }
            List<ScanResult> out = new ArrayList<>(images.size());
            for (Future<ScanResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ScanResult scan(LabelledImage image) throws IOException {
        byte[] data = Files.readAllBytes(image.file());
        return scanner.scan(new ScanRequest(image.file().toString(), image.file().toString(), data));
    }

    static ScoredImage score(LabelledImage image, ScanResult r) {
        String payloadSha = r.payload() == null ? null : Scanner.sha256(Base64.getDecoder().decode(r.payload().base64()));
        return new ScoredImage(image, r.format() == null ? "unknown" : r.format(), r.isStego(),
                r.stegoProbability() == null ? 0.0 : r.stegoProbability(), r.method(), r.bitOrder(), payloadSha,
                PayloadEstimate.of(r.evidence()), r.isError(), FusionFeatures.of(r.evidence()), firedBy(r));
    }

    /**
     * What made a stego verdict: a recovered message ({@code message/<method>}); else the model or the fusion,
     * whichever has the higher probability at or above 0.5 (as {@code VerdictRules} decides), with the reported
     * method; for the fusion, the structural rule that fired ({@code fusion/exif (rule meta)}) or else its
     * highest-scoring statistic. Null for any other verdict.
     */
    public static String firedBy(ScanResult r) {
        if (!r.isStego()) {
            return null;
        }
        String method = r.method() == null ? "?" : r.method();
        if (r.payload() != null) {
            return "message/" + method;
        }
        double model = -1;
        double fusion = -1;
        Evidence topStatistic = null;
        for (Evidence e : r.evidence()) {
            if (e.score() == null) {
                continue;
            }
            if (e.kind() == Evidence.Kind.MODEL) {
                model = Math.max(model, e.score());
            } else if (e.kind() == Evidence.Kind.FUSION) {
                fusion = Math.max(fusion, e.score());
            } else if (e.kind() == Evidence.Kind.STATISTIC
                    && (topStatistic == null || e.score() > topStatistic.score())) {
                topStatistic = e;
            }
        }
        if (model >= 0.5 && model >= fusion) {
            return "model/" + method;
        }
        var rule = StructuralRules.firing(r.evidence());
        if (rule.isPresent()) {
            return "fusion/" + method + " (rule " + rule.get().rule().detector() + ")";
        }
        return "fusion/" + method + (topStatistic == null ? "" : " (" + topStatistic.detector() + ")");
    }

    /** The distinct {@code firedBy} values of the flagged images, most frequent first, with their counts. */
    static String firedBySummary(List<ScoredImage> images) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ScoredImage s : images) {
            if (s.flagged() && s.firedBy() != null) {
                counts.merge(s.firedBy(), 1, Integer::sum);
            }
        }
        return String.join(", ", counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    public EvalReport report(List<ScoredImage> scored, double seconds) {
        Map<String, Map<String, List<ScoredImage>>> cleanByGroup = new TreeMap<>();
        Map<String, Map<String, List<ScoredImage>>> stegoByGroup = new TreeMap<>();
        for (ScoredImage s : scored) {
            var byGroup = s.image().stego() ? stegoByGroup : cleanByGroup;
            Map<String, List<ScoredImage>> byFormat = byGroup.computeIfAbsent(s.image().group(), g -> new TreeMap<>());
            byFormat.computeIfAbsent(s.format(), f -> new ArrayList<>()).add(s);
            byFormat.computeIfAbsent(ALL, f -> new ArrayList<>()).add(s);
        }
        List<EvalReport.CleanRow> cleanRows = new ArrayList<>();
        cleanByGroup.forEach((group, byFormat) -> byFormat.forEach((format, list) -> {
            int flagged = count(list, ScoredImage::flagged);
            cleanRows.add(new EvalReport.CleanRow(group, format, list.size(), flagged, flagged / (double) list.size(),
                    WilsonInterval.upper95(flagged, list.size()), count(list, ScoredImage::error),
                    firedBySummary(list)));
        }));
        Map<String, List<ScoredImage>> cleanByFormat = cleanByGroup.getOrDefault(EvalSet.CLEAN, allClean(scored));
        List<EvalReport.StegoRow> stegoRows = new ArrayList<>();
        stegoByGroup.forEach((group, byFormat) -> byFormat.forEach((format, list) -> {
            List<ScoredImage> clean = ALL.equals(format) ? cleanOfFormats(cleanByFormat, list)
                    : cleanByFormat.getOrDefault(format, List.of());
            stegoRows.add(stegoRow(group, format, list, scores(clean)));
        }));
        List<EvalReport.DetectorRow> detectorRows = new ArrayList<>();
        stegoByGroup.forEach((group, byFormat) -> detectorRows.addAll(
                detectorRows(group, byFormat.get(ALL), cleanOfFormats(cleanByFormat, byFormat.get(ALL)))));
        int n = scored.size();
        return new EvalReport(scannerVersion, n, seconds, seconds > 0 ? n / seconds : Double.NaN, threads,
                cleanRows, stegoRows, detectorRows);
    }

    /** Every clean image by format, for a set with no clean covers (only variants). */
    private static Map<String, List<ScoredImage>> allClean(List<ScoredImage> scored) {
        Map<String, List<ScoredImage>> byFormat = new TreeMap<>();
        for (ScoredImage s : scored) {
            if (!s.image().stego()) {
                byFormat.computeIfAbsent(s.format(), f -> new ArrayList<>()).add(s);
            }
        }
        return byFormat;
    }

    private static List<ScoredImage> cleanOfFormats(Map<String, List<ScoredImage>> cleanByFormat,
                                                    List<ScoredImage> stego) {
        List<ScoredImage> clean = new ArrayList<>();
        stego.stream().map(ScoredImage::format).distinct().sorted()
                .forEach(f -> clean.addAll(cleanByFormat.getOrDefault(f, List.of())));
        return clean;
    }

    private static EvalReport.StegoRow stegoRow(String group, String format, List<ScoredImage> list, double[] clean) {
        double[] stego = scores(list);
        int detected = count(list, ScoredImage::flagged);
        double rateError = Double.NaN;
        double sum = 0;
        int known = 0;
        for (ScoredImage s : list) {
            if (s.image().payloadRate() != null) {
                double estimate = s.rateEstimate() == null ? 0.0 : s.rateEstimate();
                sum += Math.abs(estimate - s.image().payloadRate());
                known++;
            }
        }
        if (known > 0) {
            rateError = sum / known;
        }
        List<ScoredImage> detectedWithExpectation = list.stream().filter(ScoredImage::flagged)
                .filter(s -> ExpectedMethod.of(s.image().method(), s.format()).isPresent()).toList();
        double methodCorrect = fraction(detectedWithExpectation,
                s -> ExpectedMethod.of(s.image().method(), s.format()).get().equals(s.method()));
        boolean protocol = Method.parse(list.get(0).image().method()).isPresent();
        List<ScoredImage> ordered = list.stream().filter(s -> s.image().bitOrder() != null).toList();
        double bitOrderCorrect = protocol && !ordered.isEmpty()
                ? fraction(ordered, s -> s.image().bitOrder().equals(s.bitOrder())) : Double.NaN;
        List<ScoredImage> withSha = list.stream().filter(s -> s.image().messageSha256() != null).toList();
        int exact = count(withSha, s -> Objects.equals(s.image().messageSha256(), s.payloadSha256()));
        return new EvalReport.StegoRow(group, format, list.size(), detected, detected / (double) list.size(),
                RocCurve.auc(stego, clean), RocCurve.tprAtFpr(stego, clean, 0.01),
                RocCurve.tprAtFpr(stego, clean, 0.05), rateError, methodCorrect, bitOrderCorrect, exact,
                withSha.size(), count(list, ScoredImage::error));
    }

    /** Every feature's AUC for one group, best first. */
    private static List<EvalReport.DetectorRow> detectorRows(String group, List<ScoredImage> stego,
                                                             List<ScoredImage> clean) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        stego.forEach(s -> names.addAll(s.features().keySet()));
        clean.forEach(s -> names.addAll(s.features().keySet()));
        List<EvalReport.DetectorRow> rows = new ArrayList<>();
        for (String name : names) {
            double[] a = stego.stream().filter(s -> s.features().containsKey(name))
                    .mapToDouble(s -> s.features().get(name)).toArray();
            double[] b = clean.stream().filter(s -> s.features().containsKey(name))
                    .mapToDouble(s -> s.features().get(name)).toArray();
            if (a.length > 0 && b.length > 0) {
                rows.add(new EvalReport.DetectorRow(group, name, RocCurve.auc(a, b)));
            }
        }
        rows.sort((x, y) -> Double.compare(y.auc(), x.auc()));
        return rows;
    }

    private static double[] scores(List<ScoredImage> list) {
        return list.stream().mapToDouble(ScoredImage::score).toArray();
    }

    private static int count(List<ScoredImage> list, Predicate<ScoredImage> test) {
        int n = 0;
        for (ScoredImage s : list) {
            if (test.test(s)) {
                n++;
            }
        }
        return n;
    }

    private static double fraction(List<ScoredImage> list, Predicate<ScoredImage> test) {
        return list.isEmpty() ? Double.NaN : count(list, test) / (double) list.size();
    }
}
