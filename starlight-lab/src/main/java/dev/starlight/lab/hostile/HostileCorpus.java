package dev.starlight.lab.hostile;

import dev.starlight.codecs.image.ImageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * A seeded, deterministic generator of malformed and hostile files: mutations of valid files of every supported
 * format, and crafted cases (huge headers, decompression bombs, lengths past the end, palette indices out of
 * range, huge and recursive metadata, degenerate files, polyglots). File {@code i} of a corpus with seed
 * {@code S} is always the same bytes; {@link #make(String, long)} rebuilds any one from its manifest row.
 *
 * <p>The first {@link #kinds()}{@code .size()} files are one of each kind, in order; after that kinds are drawn
 * by weight (mutations most often, the few files over the 10 MiB request limit rarely). Every file is at most
 * 10 MiB except those of the {@code oversize-*} kinds.
 */
public final class HostileCorpus {
    /** The platform's request limit; only the {@code oversize-*} kinds are larger. */
    public static final int MAX_BYTES = 10 << 20;

    private static final Map<String, HostileKind> KINDS = kindMap();
    private static final List<HostileKind> WEIGHTED = weighted();

    private final long seed;

    public HostileCorpus(long seed) {
        this.seed = seed;
    }

    /** Every kind, in the order the corpus starts with them. */
    public static List<HostileKind> kinds() {
        return List.copyOf(KINDS.values());
    }

    /** File {@code index} of this corpus. */
    public HostileFile file(int index) {
        long fileSeed = mix(seed, index);
        HostileKind kind = index < KINDS.size() ? kinds().get(index)
                : WEIGHTED.get(new Random(fileSeed).nextInt(WEIGHTED.size()));
        return new HostileFile(index, kind.name(), fileSeed, kind.extension(), kind.generator().bytes(fileSeed));
    }

    /** The bytes of one kind for one seed, as listed in a manifest. */
    public static byte[] make(String kind, long seed) {
        HostileKind k = KINDS.get(kind);
        if (k == null) {
            throw new IllegalArgumentException("unknown hostile kind: " + kind);
        }
        return k.generator().bytes(seed);
    }

    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static List<HostileKind> weighted() {
        List<HostileKind> list = new ArrayList<>();
        for (HostileKind k : KINDS.values()) {
            for (int i = 0; i < k.weight(); i++) {
                list.add(k);
            }
        }
        return List.copyOf(list);
    }

    private static Map<String, HostileKind> kindMap() {
        Map<String, HostileKind> m = new LinkedHashMap<>();
        Map<String, BiFunction<byte[], Random, byte[]>> ops = new LinkedHashMap<>();
        ops.put("bitflip", Mutations::bitFlips);
        ops.put("boundary", Mutations::boundaryValues);
        ops.put("truncate", Mutations::truncate);
        ops.put("dup-part", Mutations::duplicatePart);
        ops.put("drop-part", Mutations::removePart);
        ops.put("len-past-end", Mutations::lengthPastEnd);
        ops.put("len-zero", Mutations::lengthZero);
        ops.put("len-max", Mutations::lengthMax);
        ops.put("havoc", (b, r) -> Mutations.havoc(b, List.copyOf(ValidFiles.all().values()), r));
        for (String variant : ValidFiles.all().keySet()) {
            for (Map.Entry<String, BiFunction<byte[], Random, byte[]>> op : ops.entrySet()) {
                String ext = ValidFiles.extension(variant);
                add(m, "mut-" + variant + "-" + op.getKey(), ext, 30,
                        s -> op.getValue().apply(ValidFiles.get(variant), new Random(s)));
            }
        }
        for (ImageFormat f : ImageFormat.values()) {
            add(m, f.label() + "-extreme-shape", f == ImageFormat.JPEG ? "jpg" : f.label(), 10,
                    s -> ValidFiles.extremeShape(f, s));
        }
        // degenerate files
        add(m, "empty", "bin", 10, s -> new byte[0]);
        add(m, "one-byte", "bin", 10, Misc::oneByte);
        add(m, "random-bytes", "bin", 10, Misc::random);
        add(m, "random-after-magic", "bin", 10, Misc::randomAfterMagic);
        add(m, "magic-only", "bin", 10, Misc::magicOnly);
        // huge, zero and lopsided dimensions
        add(m, "png-65535x65535", "png", 10, s -> CraftedPng.dimensions(65535, 65535));
        add(m, "png-0x0", "png", 10, s -> CraftedPng.dimensions(0, 0));
        add(m, "png-1xhuge", "png", 10, s -> CraftedPng.dimensions(1, 0x7FFFFFFF));
        add(m, "png-2147483648x1", "png", 10, s -> CraftedPng.dimensions(0x80000000, 1));
        add(m, "gif-65535x65535", "gif", 10, s -> CraftedGif.dimensions(65535, 65535));
        add(m, "gif-0x0", "gif", 10, s -> CraftedGif.dimensions(0, 0));
        add(m, "gif-1x65535", "gif", 10, s -> CraftedGif.dimensions(1, 65535));
        add(m, "bmp-65535x65535", "bmp", 10, s -> CraftedBmp.dimensions(65535, 65535));
        add(m, "bmp-0x0", "bmp", 10, s -> CraftedBmp.dimensions(0, 0));
        add(m, "bmp-1xhuge", "bmp", 10, s -> CraftedBmp.dimensions(1, 0x7FFFFFFF));
        add(m, "bmp-height-min-int", "bmp", 10, s -> CraftedBmp.dimensions(1, Integer.MIN_VALUE));
        add(m, "jpeg-65535x65535", "jpg", 10, s -> CraftedJpeg.dimensions(65535, 65535));
        add(m, "jpeg-0x0", "jpg", 10, s -> CraftedJpeg.dimensions(0, 0));
        add(m, "jpeg-1x65535", "jpg", 10, s -> CraftedJpeg.dimensions(1, 65535));
        add(m, "jpeg-progressive-65535x65535", "jpg", 10, CraftedJpeg::progressiveDimensions);
        add(m, "webp-16384x16384", "webp", 10, Misc::webpHugeDimensions);
        // decompression bombs
        add(m, "png-idat-bomb", "png", 10, CraftedPng::idatBomb);
        add(m, "png-idat-bomb-at-limit", "png", 10, CraftedPng::idatBombAtLimit);
        add(m, "png-idat-excess", "png", 10, CraftedPng::idatExcess);
        add(m, "png-ztxt-bomb", "png", 10, CraftedPng::ztxtBomb);
        add(m, "png-itxt-bomb", "png", 10, CraftedPng::itxtBomb);
        add(m, "gif-lzw-bomb", "gif", 10, CraftedGif::lzwBomb);
        add(m, "gif-lzw-excess", "gif", 10, CraftedGif::lzwExcess);
        // lengths, palettes, structure
        add(m, "png-chunk-length-past-end", "png", 10, CraftedPng::chunkLengthPastEnd);
        add(m, "png-plte-short", "png", 10, CraftedPng::plteShort);
        add(m, "png-plte-missing", "png", 10, CraftedPng::plteMissing);
        add(m, "png-plte-too-long", "png", 10, CraftedPng::plteTooLong);
        add(m, "png-trns-longer-than-plte", "png", 10, CraftedPng::trnsLongerThanPlte);
        add(m, "png-crc-errors", "png", 10, CraftedPng::crcErrors);
        add(m, "png-interlaced-truncated-pass", "png", 10, CraftedPng::interlacedTruncatedPass);
        add(m, "png-16bit", "png", 10, CraftedPng::sixteenBit);
        add(m, "png-bad-filter", "png", 10, CraftedPng::badFilter);
        add(m, "png-bad-header", "png", 10, CraftedPng::badHeader);
        add(m, "png-idat-split", "png", 10, CraftedPng::idatSplit);
        add(m, "gif-small-colour-table", "gif", 10, CraftedGif::smallColourTable);
        add(m, "gif-no-colour-table", "gif", 10, CraftedGif::noColourTable);
        add(m, "gif-many-frames", "gif", 10, CraftedGif::manyFrames);
        add(m, "bmp-palette-index-out-of-range", "bmp", 10, CraftedBmp::paletteIndexOutOfRange);
        add(m, "bmp-rle-overrun", "bmp", 10, CraftedBmp::rleOverrun);
        add(m, "bmp-offset-past-end", "bmp", 10, CraftedBmp::offsetPastEnd);
        add(m, "bmp-bad-bitfields", "bmp", 10, CraftedBmp::badBitfields);
        add(m, "bmp-bad-header-size", "bmp", 10, CraftedBmp::badHeaderSize);
        add(m, "jpeg-bad-tables", "jpg", 10, CraftedJpeg::badTables);
        add(m, "jpeg-bad-scan-header", "jpg", 10, CraftedJpeg::badScanHeader);
        // metadata
        add(m, "png-text-huge", "png", 10, CraftedPng::textHuge);
        add(m, "png-text-many", "png", 10, CraftedPng::textMany);
        add(m, "gif-comment-huge", "gif", 10, CraftedGif::hugeComment);
        add(m, "jpeg-app-many", "jpg", 10, CraftedJpeg::manySegments);
        add(m, "jpeg-exif-ifd-loop", "jpg", 10, s -> CraftedJpeg.exif(Exif.ifdLoop(s)));
        add(m, "jpeg-exif-recursive-subifd", "jpg", 10, s -> CraftedJpeg.exif(Exif.recursiveSubIfd(s)));
        add(m, "jpeg-exif-count-max", "jpg", 10, s -> CraftedJpeg.exif(Exif.countMax(s)));
        add(m, "jpeg-exif-offset-past-end", "jpg", 10, s -> CraftedJpeg.exif(Exif.offsetPastEnd(s)));
        add(m, "jpeg-exif-long-chain", "jpg", 10, s -> CraftedJpeg.exif(Exif.longChain(s)));
        add(m, "jpeg-exif-entry-count-max", "jpg", 10, s -> CraftedJpeg.exif(Exif.entryCountMax(s)));
        add(m, "png-exif-ifd-loop", "png", 10, s -> CraftedPng.exif(Exif.ifdLoop(s)));
        add(m, "png-exif-recursive-subifd", "png", 10, s -> CraftedPng.exif(Exif.recursiveSubIfd(s)));
        add(m, "png-exif-count-max", "png", 10, s -> CraftedPng.exif(Exif.countMax(s)));
        add(m, "png-exif-long-chain", "png", 10, s -> CraftedPng.exif(Exif.longChain(s)));
        // polyglots and wrong magic
        add(m, "polyglot-png-zip", "png", 10, Polyglots::pngZip);
        add(m, "polyglot-gif-html", "gif", 10, CraftedGif::htmlPolyglot);
        add(m, "polyglot-jpeg-pdf", "jpg", 10, Polyglots::jpegPdf);
        add(m, "polyglot-jpeg-zip", "jpg", 10, Polyglots::jpegZip);
        add(m, "polyglot-png-with-jpeg", "png", 10, Polyglots::pngWithJpeg);
        add(m, "magic-swapped", "bin", 10, Polyglots::magicSwapped);
        add(m, "magic-broken", "bin", 10, Polyglots::magicBroken);
        // over the request limit, on purpose and rarely
        add(m, "oversize-png", "png", 1, Misc::oversizePng);
        add(m, "oversize-random", "jpg", 1, Misc::oversizeRandom);
        return m;
    }

    private static void add(Map<String, HostileKind> m, String name, String ext, int weight, HostileKind.Generator g) {
        if (m.put(name, new HostileKind(name, ext, weight, g)) != null) {
            throw new IllegalStateException("duplicate kind " + name);
        }
    }
}
