package dev.starlight.lab.zoo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The zoo's covers (cut from the same sources, split the same way: no source feeds two splits) as binary PPM
 * pictures, for other data sets that must share the zoo's split, such as the JPEG steganalysis set.
 */
public final class ZooCovers {
    private ZooCovers() {
    }

    /** One cover: its split, the hash of the source it was cut from, its crop index and a binary PPM. */
    public record Picture(String split, String sourceSha256, int index, int width, int height, byte[] ppm) {
    }

    /**
     * Every cover per split (train, validation, holdout), each centre-cropped to at most {@code maxSide} pixels a
     * side.
     */
    public static Map<String, List<Picture>> of(List<Path> sourceDirs, long seed, int threads, int maxSide) {
        Tools.requireAll();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            Map<String, List<Picture>> out = new LinkedHashMap<>();
            ZooSources.covers(ZooSources.sourceFiles(sourceDirs), seed, pool).forEach((split, covers) -> {
                List<Picture> list = new ArrayList<>();
                for (ZooSources.Cover c : covers) {
                    Rgb p = c.pixels();
                    int w = Math.min(maxSide, p.width());
                    int h = Math.min(maxSide, p.height());
                    p = p.crop((p.width() - w) / 2, (p.height() - h) / 2, w, h);
                    list.add(new Picture(split, c.sourceSha256(), c.index(), w, h, p.ppm()));
                }
                out.put(split, list);
            });
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
