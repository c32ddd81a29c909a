package dev.starlight.trainer.data;

import dev.starlight.codecs.StarlightException;
import dev.starlight.lab.evaluation.EvalSet;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.model.ModelInputOptions;
import dev.starlight.core.model.InputStreams;
import dev.starlight.lab.dataset.BenignChanges;
import dev.starlight.core.model.ModelInputs;
import dev.starlight.core.model.TileGrid;
import dev.starlight.core.protocol.Sidecar;
import dev.starlight.trainer.network.MultiStreamNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The tiles of one split of a training set, built with the same {@link ModelInputs} the detector uses. From each
 * stego image up to {@code tilesPerImage} tiles that carry payload ({@link ChangedTiles}); from each clean image
 * (covers and clean variants) {@code tilesPerImage} tiles at random per 16 tiles it has (at least that many); half
 * of them from the image with benign changes ({@link BenignChanges}), plus one tile from a small crop. Seeded.
 *
 * @param clean  tiles of clean images
 * @param stego  tiles that carry hidden data
 * @param images images read
 * @param skipped images that could not be decoded
 */
public record TrainingSplit(List<TileSample> clean, List<TileSample> stego, int images, int skipped) {

    public static final String CLEAN = "clean";
    public static final String CLEAN_VARIANTS = "clean-variants";
    public static final String STEGO = "stego";
    /** A clean image gives {@code tilesPerImage} tiles per this many tiles it has. */
    static final int TILES_PER_SIZE_UNIT = 16;

    /** The labelled images of a split folder (clean covers, clean variants, stego with sidecars). */
    public static List<LabelledImage> images(Path splitDir) {
        List<Path> clean = new ArrayList<>();
        clean.add(splitDir.resolve(CLEAN));
        if (Files.isDirectory(splitDir.resolve(CLEAN_VARIANTS))) {
            clean.add(splitDir.resolve(CLEAN_VARIANTS));
        }
        List<Path> stego = Files.isDirectory(splitDir.resolve(STEGO)) ? List.of(splitDir.resolve(STEGO)) : List.of();
        if (!Files.isDirectory(splitDir.resolve(CLEAN))) {
            throw new UncheckedIOException(new IOException("not a split folder (no clean/): " + splitDir));
        }
        return EvalSet.load(clean, stego);
    }

    /**
     * @param maxImages most images to read (0: all), taken evenly over the sorted list so every group is present
     */
    public static TrainingSplit load(Path splitDir, ModelInputOptions options, List<String> streams,
                                     int tilesPerImage, int maxImages, long seed, int threads) {
        List<LabelledImage> images = subset(images(splitDir), maxImages);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<TileSample>>> futures = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                LabelledImage image = images.get(i);
                long imageSeed = seed * 1_000_003L + i;
                futures.add(pool.submit(() -> tiles(splitDir, image, options, streams, tilesPerImage, imageSeed)));
            }
            List<TileSample> clean = new ArrayList<>();
            List<TileSample> stego = new ArrayList<>();
            int skipped = 0;
            for (Future<List<TileSample>> f : futures) {
                List<TileSample> tiles = f.get();
                if (tiles == null) {
                    skipped++;
                    continue;
                }
                for (TileSample t : tiles) {
                    (t.stego() == 1 ? stego : clean).add(t);
                }
            }
            return new TrainingSplit(List.copyOf(clean), List.copyOf(stego), images.size(), skipped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("loading interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("loading " + splitDir + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** At most {@code max} images (0: all), taken evenly over the list so every group keeps its share. */
    public static List<LabelledImage> subset(List<LabelledImage> all, int max) {
        if (max <= 0 || all.size() <= max) {
            return all;
        }
        List<LabelledImage> out = new ArrayList<>(max);
        for (int k = 0; k < max; k++) {
            out.add(all.get((int) ((2L * k + 1) * all.size() / (2L * max))));
        }
        return out;
    }

    /**
     * The tiles of one image, or null when it cannot be decoded: half of them from the image as it is, half from the
     * image with benign changes ({@link BenignChanges}: metadata and an opaque alpha plane, or a palette pair
     * permutation; the cover of a stego image gets the same change), and one from a small crop that fits in a tile.
     * Stego whose samples equal its cover's (metadata and trailer payloads) gives no tile when the network has no
     * {@code meta} stream: nothing it sees tells it apart from clean, so it would only teach false alarms.
     */
    private static List<TileSample> tiles(Path splitDir, LabelledImage image, ModelInputOptions options,
                                          List<String> streams, int tilesPerImage, long seed) throws IOException {
        DecodedImage decoded;
        try {
            decoded = ImageCodecs.decode(Files.readAllBytes(image.file()));
        } catch (StarlightException e) {
            return null;
        }
        int method = image.stego() ? MethodLabels.ALL.indexOf(image.method()) : -1;
        if (image.stego() && method < 0) {
            return List.of(); // a technique the network has no label for (e.g. third-party stego in the folder)
        }
        DecodedImage cover = image.stego() ? cover(splitDir, image) : null;
        if (image.stego() && !streams.contains(InputStreams.META) && !ChangedTiles.anySampleDiffers(cover, decoded)) {
            return List.of();
        }
        int bitOrder = image.stego() && MethodLabels.hasBitOrder(image.method())
                ? MultiStreamNetwork.BIT_ORDERS.indexOf(image.bitOrder()) : -1;
        Labels labels = new Labels(image.stego() ? 1 : 0, method, bitOrder, image.group());
        Random random = new Random(seed);
        int rows = TileGrid.of(decoded.width(), decoded.height(), options).size();
        // clean images give tiles in proportion to their size (a 1024² cover has 64 tiles, a 256² one 16), so large
        // clean images, which have the most chances to raise a false alarm, are not under-represented
        int take = image.stego() ? tilesPerImage : tilesPerImage * Math.max(1, rows / TILES_PER_SIZE_UNIT);
        List<TileSample> out = new ArrayList<>();
        out.addAll(pick(decoded, cover, options, streams, (take + 1) / 2, labels, random));
        long changeSeed = random.nextLong();
        DecodedImage changed = changed(decoded, changeSeed);
        out.addAll(pick(changed, cover == null ? null : changed(cover, changeSeed), options, streams, take / 2,
                labels, random));
        out.addAll(smallCrop(decoded, cover, options, streams, labels, random));
        return out;
    }

    private static DecodedImage changed(DecodedImage image, long seed) {
        return image.isIndexed() ? BenignChanges.pairPermutation(image, seed) : BenignChanges.benign(image);
    }

    /** The labels every tile of one image shares. */
    private record Labels(int stego, int method, int bitOrder, String group) {
    }

    /** Up to {@code take} tiles of an image at random; for stego, only tiles whose samples differ from the cover's. */
    private static List<TileSample> pick(DecodedImage image, DecodedImage cover, ModelInputOptions options,
                                         List<String> streams, int take, Labels labels, Random random) {
        if (take <= 0) {
            return List.of();
        }
        ModelInputs inputs = ModelInputs.from(image, options, streams);
        List<Integer> candidates = new ArrayList<>();
        boolean[] changed = labels.stego() == 1 ? ChangedTiles.of(cover, image, inputs.grid()) : null;
        for (int k = 0; k < inputs.rows(); k++) {
            if (changed == null || changed[k]) {
                candidates.add(k);
            }
        }
        Collections.shuffle(candidates, random);
        List<TileSample> out = new ArrayList<>();
        for (int k : candidates.subList(0, Math.min(take, candidates.size()))) {
            out.add(row(inputs, streams, k, labels));
        }
        return out;
    }

    /**
     * One tile from a crop of 16 to T pixels a side, so images that fit in one tile (thumbnails, icons) are not
     * strangers to the network; for stego, a crop over a changed tile, kept only when its samples differ from the
     * cover's. None when the image is not larger than the crop.
     */
    private static List<TileSample> smallCrop(DecodedImage image, DecodedImage cover, ModelInputOptions options,
                                              List<String> streams, Labels labels, Random random) {
        int t = options.tileSize();
        int w = MIN_CROP + random.nextInt(t - MIN_CROP + 1);
        int h = MIN_CROP + random.nextInt(t - MIN_CROP + 1);
        if (image.width() <= w || image.height() <= h) {
            return List.of();
        }
        int x = random.nextInt(image.width() - w + 1);
        int y = random.nextInt(image.height() - h + 1);
        if (labels.stego() == 1) {
            if (cover == null) {
                return List.of();
            }
            TileGrid grid = TileGrid.of(image.width(), image.height(), options);
            boolean[] changed = ChangedTiles.of(cover, image, grid);
            List<TileGrid.Tile> tiles = new ArrayList<>();
            for (int k = 0; k < changed.length; k++) {
                if (changed[k]) {
                    tiles.add(grid.tiles().get(k));
                }
            }
            TileGrid.Tile tile = tiles.get(random.nextInt(tiles.size()));
            x = Math.min(tile.x(), image.width() - w);
            y = Math.min(tile.y(), image.height() - h);
            if (!ChangedTiles.anySampleDiffers(BenignChanges.crop(cover, x, y, w, h),
                    BenignChanges.crop(image, x, y, w, h))) {
                return List.of();
            }
        }
        ModelInputs inputs = ModelInputs.from(BenignChanges.crop(image, x, y, w, h), options, streams);
        return List.of(row(inputs, streams, 0, labels));
    }

    /** Smallest side of a small crop. */
    static final int MIN_CROP = 16;

    private static TileSample row(ModelInputs inputs, List<String> streams, int k, Labels labels) {
        float[][] rows = new float[streams.size()][];
        for (int s = 0; s < streams.size(); s++) {
            float[] data = inputs.data(streams.get(s));
            int size = inputs.spec(streams.get(s)).rowSize();
            rows[s] = java.util.Arrays.copyOfRange(data, k * size, (k + 1) * size);
        }
        return new TileSample(rows, labels.stego(), labels.method(), labels.bitOrder(), labels.group());
    }

    /** The cover a stego file was made from, as its sidecar names it, or null when it is not in the split. */
    private static DecodedImage cover(Path splitDir, LabelledImage image) {
        return Sidecar.readBeside(image.file()).map(Sidecar::cleanFile)
                .map(name -> splitDir.resolve(CLEAN).resolve(name))
                .filter(Files::isRegularFile)
                .map(p -> {
                    try {
                        return ImageCodecs.decode(Files.readAllBytes(p));
                    } catch (IOException | StarlightException e) {
                        return null;
                    }
                }).orElse(null);
    }

    public int tiles() {
        return clean.size() + stego.size();
    }
}
