package dev.starlight.lab.zoo;

import dev.starlight.lab.dataset.CoverSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The natural photographs the zoo starts from, and the covers cut from them. Each source image (found by walking
 * the source folders; the same bytes twice count once) goes to one split by a seeded hash of its bytes
 * ({@link CoverSplit}, never its name), so no source feeds two splits. ImageMagick decodes it once (first frame,
 * EXIF orientation applied, alpha flattened on white, at most {@value #BASE_MAX} px a side); large sources give
 * {@value #CROPS} crops each, small ones (the corpus covers) one cover, scaled by area averaging to 256×256 or
 * 512×512 mostly, some 640×480 and 1024×768.
 */
final class ZooSources {
    static final int BASE_MAX = 1600;
    static final int CROPS = 3;
    static final String TRAIN = "train";
    static final String VALIDATION = "validation";
    static final String HOLDOUT = "holdout";
    static final List<String> SPLITS = List.of(TRAIN, VALIDATION, HOLDOUT);

    /** A cover cut from a source, with the source's hash (for the record) and its split. */
    record Cover(String split, String sourceSha256, int index, Rgb pixels) {
    }

    private ZooSources() {
    }

    /** Image files under the folders, sorted by path, one per distinct content. */
    static List<Path> sourceFiles(List<Path> dirs) {
        Map<String, Path> byHash = new LinkedHashMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).filter(ZooSources::isImageName).sorted().toList()) {
                    byHash.putIfAbsent(sha256(Files.readAllBytes(p)), p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(byHash.values());
    }

    private static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".webp")
                || n.endsWith(".gif");
    }

    /** Every cover of every source, per split, in a deterministic order (by source hash, then crop). */
    static Map<String, List<Cover>> covers(List<Path> sources, long seed, ExecutorService pool) {
        CoverSplit holdout = new CoverSplit(seed, 0.3);
        CoverSplit validation = new CoverSplit(seed * 31 + 17, 0.2 / 0.7);
        List<Future<List<Cover>>> work = new ArrayList<>();
        for (Path source : sources) {
            work.add(pool.submit(() -> {
                byte[] bytes = Files.readAllBytes(source);
                String split = holdout.of(bytes) == CoverSplit.Split.HOLDOUT ? HOLDOUT
                        : validation.of(bytes) == CoverSplit.Split.HOLDOUT ? VALIDATION : TRAIN;
                String hash = sha256(bytes);
                Rgb base = Rgb.fromPpm(Tools.run(List.of("convert", source + "[0]", "-auto-orient", "-background",
                        "white", "-alpha", "remove", "-alpha", "off", "-colorspace", "sRGB", "-resize",
                        BASE_MAX + "x" + BASE_MAX + ">", "-depth", "8", "ppm:-"), null));
                return cut(base, split, hash, new SplittableRandom(seed ^ Long.parseUnsignedLong(hash.substring(0, 15), 16)));
            }));
        }
        Map<String, List<Cover>> out = new LinkedHashMap<>();
        SPLITS.forEach(s -> out.put(s, new ArrayList<>()));
        for (Future<List<Cover>> f : work) {
            try {
                for (Cover c : f.get()) {
                    out.get(c.split()).add(c);
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        out.values().forEach(list -> list.sort(java.util.Comparator.comparing(Cover::sourceSha256)
                .thenComparingInt(Cover::index)));
        return out;
    }

    private static List<Cover> cut(Rgb base, String split, String hash, SplittableRandom random) {
        int small = Math.min(base.width(), base.height());
        if (small < 600) {
            int w = base.width();
            int h = base.height();
            double shrink = Math.min(1, 512.0 / Math.max(w, h));
            return List.of(new Cover(split, hash, 0, base.scaleDown(Math.max(1, (int) (w * shrink)),
                    Math.max(1, (int) (h * shrink)))));
        }
        List<Cover> out = new ArrayList<>();
        for (int i = 0; i < CROPS; i++) {
            int[] size = size(random);
            if (size[0] > base.width() || size[1] > base.height()) {
                size = new int[] {512, 512};
            }
            double most = Math.min(base.width() / (double) size[0], base.height() / (double) size[1]);
            double scale = 1 + random.nextDouble() * (most - 1);
            int cw = Math.min(base.width(), (int) Math.round(size[0] * scale));
            int ch = Math.min(base.height(), (int) Math.round(size[1] * scale));
            int x = random.nextInt(base.width() - cw + 1);
            int y = random.nextInt(base.height() - ch + 1);
            out.add(new Cover(split, hash, i, base.crop(x, y, cw, ch).scaleDown(size[0], size[1])));
        }
        return out;
    }

    /** 45% 256×256, 40% 512×512, 8% 640×480, 7% 1024×768: mostly the corpus's sizes, some larger. */
    private static int[] size(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.45) {
            return new int[] {256, 256};
        }
        if (u < 0.85) {
            return new int[] {512, 512};
        }
        return u < 0.93 ? new int[] {640, 480} : new int[] {1024, 768};
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
