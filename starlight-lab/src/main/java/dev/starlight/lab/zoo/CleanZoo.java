package dev.starlight.lab.zoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code starlight dataset --clean-zoo}: ordinary clean images of many real-world families ({@link ZooFamily}),
 * made with the real tools from natural photographs ({@link ZooSources}), in
 * {@code <out>/<split>/<family>/zoo-NNNNN.<ext>} for the splits {@code train}, {@code validation} and
 * {@code holdout}, with a README.md saying what each family imitates and which tools made it. No source image feeds
 * two splits. The same sources, seed and counts give the same bytes (each image's choices come from a random seeded
 * by the seed, its family, split and index; the tools are deterministic and their time stamps are left out).
 */
public final class CleanZoo {
    /** Default images per family, over all splits: 35% (105) held out, 20% validation, the rest to train. */
    public static final int DEFAULT_PER_FAMILY = 300;
    /** Debian's wallpaper packages and the shared corpus covers, where present. */
    public static final List<Path> DEFAULT_SOURCES = List.of(Path.of("/usr/share/wallpapers"),
            Path.of("/usr/share/backgrounds"));

    /** What a run made: images per family and split, the number of sources and covers per split, and the time. */
    public record Summary(Map<String, Map<String, Integer>> images, Map<String, Integer> sources,
                          Map<String, Integer> covers, double seconds) {
        public int total() {
            return images.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        }
    }

    private final long seed;
    private final int perFamily;
    private final int threads;
    private final Set<ZooFamily> families;
    private final Set<String> splits;

    /** The splits a zoo has, in the order they are written. */
    public static final List<String> SPLITS = List.of(ZooSources.TRAIN, ZooSources.VALIDATION, ZooSources.HOLDOUT);

    public CleanZoo(long seed, int perFamily, int threads) {
        this(seed, perFamily, threads, EnumSet.allOf(ZooFamily.class));
    }

    public CleanZoo(long seed, int perFamily, int threads, Set<ZooFamily> families) {
        this(seed, perFamily, threads, families, Set.copyOf(SPLITS));
    }

    /**
     * @param splits the splits to write (of {@link #SPLITS}). The others are skipped, not shrunk: image i of a family
     *               and split is the same whichever splits are written, so a larger held-out set with the same seed
     *               and sources extends the one written before and never meets a source of the other splits.
     */
    public CleanZoo(long seed, int perFamily, int threads, Set<ZooFamily> families, Set<String> splits) {
        if (perFamily < 1) {
            throw new IllegalArgumentException("images per family must be at least 1: " + perFamily);
        }
        if (splits.isEmpty() || !SPLITS.containsAll(splits)) {
            throw new IllegalArgumentException("splits must be some of " + SPLITS + ": " + splits);
        }
        this.seed = seed;
        this.perFamily = perFamily;
        this.threads = Math.max(1, threads);
        this.families = EnumSet.copyOf(families);
        this.splits = Set.copyOf(splits);
    }

    /** Images of one family in each split: 35% holdout (at least 1), 20% validation, the rest train. */
    static Map<String, Integer> counts(int perFamily) {
        int holdout = Math.max(1, (int) Math.ceil(perFamily * 0.35));
        int validation = Math.min(perFamily - holdout, (int) Math.round(perFamily * 0.2));
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put(ZooSources.TRAIN, Math.max(0, perFamily - holdout - validation));
        out.put(ZooSources.VALIDATION, Math.max(0, validation));
        out.put(ZooSources.HOLDOUT, holdout);
        return out;
    }

    public Summary generate(List<Path> sourceDirs, Path outDir) throws IOException {
        long start = System.nanoTime();
        Tools.requireAll();
        List<Path> sources = ZooSources.sourceFiles(sourceDirs);
        if (sources.isEmpty()) {
            throw new ZooToolException(ZooToolException.Code.NO_SOURCES, "clean zoo: no JPEG, PNG, WebP or GIF source "
                    + "image under " + sourceDirs);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Path scratchRoot = Files.createTempDirectory("starlight-zoo");
        List<FamilyMaker> makers = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<FamilyMaker> maker = ThreadLocal.withInitial(() -> {
            FamilyMaker m = new FamilyMaker(scratchRoot.resolve("t" + Thread.currentThread().getId()));
            makers.add(m);
            return m;
        });
        try {
            Map<String, List<ZooSources.Cover>> covers = ZooSources.covers(sources, seed, pool);
            Map<String, Integer> sourceCount = new LinkedHashMap<>();
            Map<String, Integer> coverCount = new LinkedHashMap<>();
            covers.forEach((split, list) -> {
                coverCount.put(split, list.size());
                sourceCount.put(split, (int) list.stream().map(ZooSources.Cover::sourceSha256).distinct().count());
            });
            Map<String, Map<String, Integer>> made = new LinkedHashMap<>();
            List<Future<?>> work = new ArrayList<>();
            for (ZooFamily family : families) {
                Map<String, Integer> perSplit = new LinkedHashMap<>();
                made.put(family.folder(), perSplit);
                for (var split : counts(perFamily).entrySet()) {
                    List<ZooSources.Cover> pool0 = covers.get(split.getKey());
                    int n = pool0.isEmpty() || !splits.contains(split.getKey()) ? 0 : split.getValue();
                    perSplit.put(split.getKey(), n);
                    if (n == 0) {
                        continue;
                    }
                    Path dir = Files.createDirectories(outDir.resolve(split.getKey()).resolve(family.folder()));
                    int[] order = shuffled(pool0.size(), new SplittableRandom(mix(seed, family.ordinal(), split.getKey(), -1)));
                    for (int i = 0; i < n; i++) {
                        ZooSources.Cover cover = pool0.get(order[i % order.length]);
                        long imageSeed = mix(seed, family.ordinal(), split.getKey(), i);
                        Path file = dir.resolve(String.format(Locale.ROOT, "zoo-%05d.%s", i, family.extension()));
                        work.add(pool.submit(() -> {
                            byte[] bytes = maker.get().make(family, cover.pixels(), new SplittableRandom(imageSeed));
                            Files.write(file, bytes);
                            return null;
                        }));
                    }
                }
            }
            for (Future<?> f : work) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            Summary summary = new Summary(made, sourceCount, coverCount, (System.nanoTime() - start) / 1e9);
            Files.writeString(outDir.resolve("README.md"), readme(summary, sourceDirs));
            return summary;
        } finally {
            pool.shutdownNow();
            makers.forEach(FamilyMaker::close);
            deleteTree(scratchRoot);
        }
    }

    private String readme(Summary s, List<Path> sourceDirs) {
        StringBuilder b = new StringBuilder("# Clean zoo\n\n");
        b.append("Ordinary clean images (none holds hidden data), made by `starlight dataset --clean-zoo` with seed ")
                .append(seed).append(", ").append(perFamily).append(" images per family, from the source images under ")
                .append(sourceDirs).append(".\nLayout: `<split>/<family>/` (split = train, validation, holdout; family ")
                .append("= what it imitates, then its format). Sources are split by a seeded hash of their bytes: no ")
                .append("source image feeds two splits.\n\nSources per split: ").append(s.sources())
                .append("; covers cut from them: ").append(s.covers()).append(".\n\n")
                .append("| family | train | validation | holdout | imitates | made with |\n|---|---:|---:|---:|---|---|\n");
        for (ZooFamily f : families) {
            Map<String, Integer> n = s.images().get(f.folder());
            b.append("| ").append(f.folder()).append(" | ").append(n.get(ZooSources.TRAIN)).append(" | ")
                    .append(n.get(ZooSources.VALIDATION)).append(" | ").append(n.get(ZooSources.HOLDOUT)).append(" | ")
                    .append(f.imitates()).append(" | ").append(f.madeBy()).append(" |\n");
        }
        return b.toString();
    }

    private static int[] shuffled(int n, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static long mix(long seed, int family, String split, int index) {
        long h = seed * 0x9E3779B97F4A7C15L + family;
        h = h * 31 + split.hashCode();
        h = h * 0xBF58476D1CE4E5B9L + index;
        return h ^ (h >>> 31);
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
