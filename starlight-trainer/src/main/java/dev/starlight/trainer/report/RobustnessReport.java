package dev.starlight.trainer.report;

import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.lab.evaluation.EvalSet;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.model.ModelDetector;
import dev.starlight.core.model.ModelInputOptions;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.data.MethodLabels;
import dev.starlight.trainer.data.TileSample;
import dev.starlight.trainer.data.TrainingSplit;
import dev.starlight.lab.dataset.DataChecksum;
import dev.starlight.trainer.evaluation.RunFolder;
import dev.starlight.trainer.report.GradientAttack.Kind;
import dev.starlight.trainer.train.NetworkTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code starlight report robustness}: how a trained model holds up against an adaptive sender and against what
 * ordinary image processing does to stego and clean images. Three parts, all measured on the held-out split of the
 * training set the run was trained on:
 * <ol>
 *   <li>white-box gradient attacks (FGSM, PGD) on the network's input tiles ({@link GradientAttack});</li>
 *   <li>the FGSM perturbation made into real 8-bit files and scored by the exported ONNX model
 *       ({@link RealisableAttack});</li>
 *   <li>real-world transformations ({@link Transformations}) scanned by the full scanner with the model and by the
 *       statistics alone.</li>
 * </ol>
 * Seeded and deterministic: the same run, data and options give the same figures (the header carries the date).
 */
public final class RobustnessReport {
    /** Attack strengths, on the 0..1 scale of the {@code pixels} stream (ε · 255 grey levels). */
    static final float[] EPSILONS = {0.001f, 0.005f, 0.01f, 0.02f};
    public static final Path DEFAULT_OUT = Path.of("docs", "reports", "robustness.md");
    /** Stack of the threads that call ONNX Runtime (see {@link #runOnLargeStack}). */
    static final long STACK_BYTES = 16L << 20;

    /**
     * @param run           a run folder made by {@code starlight train}
     * @param data          the training set the run was trained on (its {@code holdout/} split is used)
     * @param maxImages     most held-out images, spread evenly over the sorted list so every group appears
     * @param tilesPerImage attacked tiles per image (payload-carrying tiles for stego images)
     * @param seed          tile sampling and noise
     * @param threads       PyTorch threads and scanner threads
     * @param out           the Markdown file
     * @param command       how the report was asked for, recorded in it
     */
    public record Options(Path run, Path data, int maxImages, int tilesPerImage, long seed, int threads, Path out,
                          String command) {
        public Options {
            if (maxImages < 1 || tilesPerImage < 1 || threads < 1) {
                throw new IllegalArgumentException("max images, tiles per image and threads must be >= 1");
            }
        }
    }

    /** Tiles of one class: how many, how many the model got right at the operating point, how many flipped. */
    public record Tally(int tiles, int correct, int flipped, double meanDelta) {
        public double successRate() {
            return correct == 0 ? Double.NaN : flipped / (double) correct;
        }
    }

    /** One attack at one ε: stego tiles (evasion), per method, and clean tiles (false alarm). */
    public record AttackRow(Kind kind, float epsilon, Tally stego, Map<String, Tally> byMethod, Tally clean) {
    }

    /** The realisable FGSM at one ε, over the eligible stego images. */
    public record RealisableRow(float epsilon, int images, int detected, int evaded, long changed, long samples,
                                int messagesBefore, int messagesAfter, int known) {
    }

    /** Counts of one set of images under one transformation. */
    public static final class Counts {
        int images;
        int withModel;
        int statistics;
        int errors;
        int notApplicable;
        int recovered;
        int known;

        public int images() {
            return images;
        }

        public int withModel() {
            return withModel;
        }

        public int statistics() {
            return statistics;
        }

        public int errors() {
            return errors;
        }

        public int notApplicable() {
            return notApplicable;
        }

        /** Images whose embedded message an extractor still reads exactly. */
        public int recovered() {
            return recovered;
        }

        /** Images whose message the set records. */
        public int known() {
            return known;
        }

        /** Images scanned (applicable, whatever the result). */
        int scanned() {
            return images - notApplicable;
        }
    }

    /** Key of the clean covers in {@link TransformRow#counts}. */
    public static final String CLEAN = EvalSet.CLEAN;
    /** Key of the clean variants (all kinds together). */
    public static final String VARIANTS = "clean variants";
    /** Key of all stego images. */
    public static final String STEGO = "stego (all)";

    /** One transformation: counts for clean covers, clean variants, all stego and each stego group. */
    public record TransformRow(String name, String description, Map<String, Counts> counts) {
        public Counts get(String key) {
            return counts.getOrDefault(key, new Counts());
        }
    }

    /**
     * What was measured on what.
     *
     * @param run             the run folder (model, version, training data checksum, threshold)
     * @param dataSha256      the checksum of {@code --data}
     * @param holdoutImages   images in {@code holdout/}
     * @param images          the images used (stego and clean)
     * @param threshold       the operating point on the network's stego logit
     * @param attackedStreams the streams the gradient attacks change
     */
    public record Setting(RunFolder run, String dataSha256, int holdoutImages, List<LabelledImage> images,
                          float threshold, List<String> attackedStreams) {
    }

    /** Everything the report shows. */
    public record Result(String markdown, Setting setting, List<AttackRow> attacks, List<RealisableRow> realisable,
                         Map<String, Integer> realisableSkipped, List<TransformRow> transforms) {
    }

    private RobustnessReport() {
    }

    public static Result run(Options options) throws IOException {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(options.threads()));
        RunFolder folder = RunFolder.read(options.run());
        TrainingConfig config = folder.trainingConfig();
        float threshold = (float) folder.metrics().training().threshold();
        Path holdout = options.data().resolve(TrainingSetGenerator.HOLDOUT);
        List<LabelledImage> all = TrainingSplit.images(holdout);
        List<LabelledImage> images = spread(all, options.maxImages());
        String dataSha = DataChecksum.of(options.data());
        TrainingSplit split = TrainingSplit.load(holdout,
                new ModelInputOptions(config.tileSize(), ModelInputOptions.DEFAULT_MAX_TILES), config.streams(),
                options.tilesPerImage(), options.maxImages(), options.seed(), options.threads());

        List<AttackRow> attacks = new ArrayList<>();
        List<RealisableRow> realisable = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        List<TransformRow> transforms;
        List<String> attacked;
        try (NetworkTrainer trainer = folder.loadNetwork(); OnnxModel onnx = OnnxModel.load(folder.onnx())) {
            GradientAttack attack = new GradientAttack(trainer);
            attacked = attack.attackedStreams();
            TileSample[] stego = split.stego().toArray(TileSample[]::new);
            TileSample[] clean = split.clean().toArray(TileSample[]::new);
            for (Kind kind : Kind.values()) {
                for (float epsilon : EPSILONS) {
                    attacks.add(attackRow(attack, kind, epsilon, stego, clean, threshold));
                }
            }
            realisable(new RealisableAttack(attack, onnx, trainer.network().streams()), images, realisable, skipped);
            transforms = transform(onnx, folder.metrics().version(), images, options);
        }
        Setting setting = new Setting(folder, dataSha, all.size(), images, threshold, attacked);
        String markdown = RobustnessMarkdown.of(options, setting, attacks, realisable, skipped, transforms);
        Path parent = options.out().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(options.out(), markdown);
        return new Result(markdown, setting, attacks, realisable, skipped, transforms);
    }

    /**
     * As {@link #run}, on a thread with a {@value #STACK_BYTES}-byte stack, as are the scanner's threads. Creating the
     * ONNX Runtime environment takes stack in proportion to the process's command line: launched with a long one
     * (a {@code -cp} listing every jar, as IDEs do; a few KB is enough) it overflows the default 1 MiB thread stack
     * and the JVM dies with a segmentation fault. {@code bin/starlight} ({@code java -jar}) and surefire (a booter
     * jar) have short command lines and are unaffected.
     */
    public static Result runOnLargeStack(Options options) throws IOException {
        Result[] result = new Result[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = run(options);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "robustness", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure[0] instanceof IOException e) {
            throw e;
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        return result[0];
    }

    /** {@code max} images taken evenly over the list (as the trainer subsets a split), or all of them. */
    static List<LabelledImage> spread(List<LabelledImage> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<LabelledImage> out = new ArrayList<>(max);
        for (int k = 0; k < max; k++) {
            out.add(all.get((int) ((2L * k + 1) * all.size() / (2L * max))));
        }
        return out;
    }

    // ---- 1. gradient attacks

    /** Runs one attack on the stego and the clean tiles and tallies it at the operating point. */
    public static AttackRow attackRow(GradientAttack attack, Kind kind, float epsilon, TileSample[] stego,
                                      TileSample[] clean, float threshold) {
        GradientAttack.Outcome s = attack.run(kind, stego, epsilon);
        GradientAttack.Outcome c = attack.run(kind, clean, epsilon);
        Map<String, List<Integer>> byMethod = new TreeMap<>();
        for (int i = 0; i < stego.length; i++) {
            byMethod.computeIfAbsent(methodOf(stego[i]), m -> new ArrayList<>()).add(i);
        }
        Map<String, Tally> methods = new LinkedHashMap<>();
        byMethod.forEach((m, idx) -> methods.put(m, tally(s, idx, threshold, true)));
        return new AttackRow(kind, epsilon, tally(s, null, threshold, true), methods, tally(c, null, threshold,
                false));
    }

    private static String methodOf(TileSample t) {
        return t.method() >= 0 && t.method() < MethodLabels.ALL.size() ? MethodLabels.ALL.get(t.method()) : t.group();
    }

    /**
     * Stego tiles are correct when their logit is at or above the threshold and flip when the attack takes it below;
     * clean tiles the other way round. The mean logit change is over all tiles of the class.
     */
    static Tally tally(GradientAttack.Outcome o, List<Integer> only, float threshold, boolean stego) {
        int n = 0;
        int correct = 0;
        int flipped = 0;
        double delta = 0;
        int count = only == null ? o.before().length : only.size();
        for (int j = 0; j < count; j++) {
            int i = only == null ? j : only.get(j);
            n++;
            delta += o.after()[i] - o.before()[i];
            boolean wasStego = o.before()[i] >= threshold;
            boolean isStego = o.after()[i] >= threshold;
            if (wasStego == stego) {
                correct++;
                if (isStego != stego) {
                    flipped++;
                }
            }
        }
        return new Tally(n, correct, flipped, n == 0 ? Double.NaN : delta / n);
    }

    // ---- 2. realisable attacks

    private static void realisable(RealisableAttack attack, List<LabelledImage> images, List<RealisableRow> rows,
                                   Map<String, Integer> skipped) {
        int e = EPSILONS.length;
        int[] n = new int[e];
        int[] detected = new int[e];
        int[] evaded = new int[e];
        long[] changed = new long[e];
        long[] samples = new long[e];
        int[] before = new int[e];
        int[] after = new int[e];
        int[] known = new int[e];
        for (LabelledImage image : images) {
            if (!image.stego()) {
                continue;
            }
            String why = reasonSkipped(image);
            List<RealisableAttack.ImageOutcome> outcomes = why == null ? attack.run(image, EPSILONS) : null;
            if (outcomes == null) {
                skipped.merge(why == null ? "container cannot take new samples" : why, 1, Integer::sum);
                continue;
            }
            for (int k = 0; k < e; k++) {
                RealisableAttack.ImageOutcome o = outcomes.get(k);
                n[k]++;
                changed[k] += o.changedSamples();
                samples[k] += o.samples();
                if (o.logitBefore() >= 0) {
                    detected[k]++;
                    if (o.logitAfter() < 0) {
                        evaded[k]++;
                    }
                }
                if (o.messageBefore() != null) {
                    known[k]++;
                    before[k] += o.messageBefore() ? 1 : 0;
                    after[k] += o.messageAfter() ? 1 : 0;
                }
            }
        }
        for (int k = 0; k < e; k++) {
            rows.add(new RealisableRow(EPSILONS[k], n[k], detected[k], evaded[k], changed[k], samples[k], before[k],
                    after[k], known[k]));
        }
    }

    private static String reasonSkipped(LabelledImage image) {
        try {
            return RealisableAttack.ineligible(ImageCodecs.decode(
                    Files.readAllBytes(image.file())));
        } catch (dev.starlight.codecs.StarlightException e) {
            return "does not decode";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- 3. transformations

    /** What scanning one transformed image gave. */
    record Scan(boolean applicable, boolean error, boolean withModel, boolean statistics, Boolean recovered) {
    }

    private static List<TransformRow> transform(OnnxModel onnx, String version, List<LabelledImage> images,
                                                Options options) {
        Scanner with = new Scanner(ScanOptions.DEFAULT, List.of(new ModelDetector(onnx)), version);
        Scanner without = new Scanner(ScanOptions.DEFAULT, List.of());
        List<Transformations.Transformation> all = Transformations.ALL;
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(),
                r -> new Thread(null, r, "robustness-scan-" + count.incrementAndGet(), STACK_BYTES));
        List<Future<Scan[]>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < images.size(); i++) {
                LabelledImage image = images.get(i);
                long seed = options.seed() * 1_000_003L + i;
                futures.add(pool.submit(() -> scanAll(with, without, all, image, seed)));
            }
            List<Map<String, Counts>> counts = new ArrayList<>();
            all.forEach(t -> counts.add(new LinkedHashMap<>()));
            for (int i = 0; i < images.size(); i++) {
                Scan[] scans = futures.get(i).get();
                LabelledImage image = images.get(i);
                for (int t = 0; t < all.size(); t++) {
                    for (String key : keys(image)) {
                        add(counts.get(t).computeIfAbsent(key, k -> new Counts()), scans[t]);
                    }
                }
            }
            List<TransformRow> rows = new ArrayList<>();
            for (int t = 0; t < all.size(); t++) {
                rows.add(new TransformRow(all.get(t).name(), all.get(t).description(), counts.get(t)));
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scanning transformed images failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> keys(LabelledImage image) {
        if (image.stego()) {
            return List.of(STEGO, "stego:" + image.group());
        }
        return List.of(CLEAN.equals(image.group()) ? CLEAN : VARIANTS);
    }

    private static void add(Counts c, Scan s) {
        c.images++;
        if (!s.applicable()) {
            c.notApplicable++;
            return;
        }
        if (s.error()) {
            c.errors++;
        }
        c.withModel += s.withModel() ? 1 : 0;
        c.statistics += s.statistics() ? 1 : 0;
        if (s.recovered() != null) {
            c.known++;
            c.recovered += s.recovered() ? 1 : 0;
        }
    }

    /** Every transformation of one image, scanned with and without the model. */
    static Scan[] scanAll(Scanner with, Scanner without, List<Transformations.Transformation> all,
                          LabelledImage image, long seed) throws IOException {
        byte[] original = Files.readAllBytes(image.file());
        Scan[] out = new Scan[all.size()];
        for (int t = 0; t < all.size(); t++) {
            byte[] file;
            try {
                file = all.get(t).apply(original, seed);
            } catch (dev.starlight.codecs.StarlightException e) {
                file = null; // the original does not decode: nothing to transform
            }
            if (file == null) {
                out[t] = new Scan(false, false, false, false, null);
                continue;
            }
            String id = image.file() + "#" + all.get(t).name();
            ScanResult a = with.scan(new ScanRequest(id, id, file));
            ScanResult b = without.scan(new ScanRequest(id, id, file));
            Boolean recovered = null;
            if (image.messageSha256() != null && !b.isError()) {
                recovered = RealisableAttack.message(image, file, ImageCodecs.decode(file));
            }
            out[t] = new Scan(true, a.isError() || b.isError(), a.isStego(), b.isStego(), recovered);
        }
        return out;
    }
}
