package dev.starlight.lab.jpeg;

import dev.starlight.codecs.image.JpegCoefficientReader;
import dev.starlight.codecs.image.JpegCoefficientWriter;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.protocol.Sidecar;
import dev.starlight.core.analysis.JpegStegoFeatures;
import dev.starlight.lab.zoo.CleanZoo;
import dev.starlight.lab.zoo.ZooCovers;
import dev.starlight.lab.zoo.ZooFamily;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The JPEG steganalysis data set: covers cut from the clean zoo's sources (same split by source: train, validation,
 * holdout), compressed by cjpeg at quality 60-100; stego made from them by the real steghide and outguess (random
 * passphrases and messages, sizes from a few bytes to twice 1 KiB per 512²) and by {@link F5Embedder} (F5, nsF5)
 * and {@link JstegEmbedder} (simulators on the luma coefficients); the covers outguess pairs with (decompressed and
 * compressed again at outguess's quality, as outguess itself does); and the JPEG families of the clean zoo. Writes
 * the files it made and {@code features.csv}: one row per image with its split, family, tool, quality, size,
 * message bytes, rate in bits per non-zero luma AC coefficient, and {@link JpegStegoFeatures}.
 *
 * <p>The holdout split gets the conditions of the targets: steghide and outguess with 160 bytes per 256² and 1 KiB
 * per 512² (scaled by the cover's pixels), F5, nsF5 and jsteg at 0.05, 0.1 and 0.2 bits per non-zero AC; the
 * other splits one random condition per tool and cover.
 */
public final class JpegStegoSet {
    /** The zoo families that are JPEGs: the clean families the operating point is set on. */
    public static final EnumSet<ZooFamily> ZOO_JPEG = jpegFamilies();
    static final int MAX_SIDE = 512;
    static final String HEADER = "split,family,tool,quality,width,height,bytes,rate,file";

    private final long seed;
    private final int threads;
    private final int zooPerFamily;

    public JpegStegoSet(long seed, int threads, int zooPerFamily) {
        this.seed = seed;
        this.threads = Math.max(1, threads);
        this.zooPerFamily = zooPerFamily;
    }

    private static EnumSet<ZooFamily> jpegFamilies() {
        EnumSet<ZooFamily> s = EnumSet.noneOf(ZooFamily.class);
        for (ZooFamily f : ZooFamily.values()) {
            if (f.extension().equals("jpg")) {
                s.add(f);
            }
        }
        return s;
    }

    /** Makes the set under {@code out} (the zoo part is reused when {@code out/zoo} exists); returns the rows. */
    public int generate(List<Path> sources, Path out) throws IOException {
        Path zoo = out.resolve("zoo");
        if (!Files.isDirectory(zoo)) {
            new CleanZoo(seed, zooPerFamily, threads, ZOO_JPEG).generate(sources, zoo);
        }
        Map<String, List<ZooCovers.Picture>> covers = ZooCovers.of(sources, seed, threads, MAX_SIDE);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> work = new ArrayList<>();
        try {
            for (var split : covers.entrySet()) {
                int i = 0;
                for (ZooCovers.Picture p : split.getValue()) {
                    int index = i++;
                    work.add(pool.submit(() -> coverRows(p, index, out)));
                }
            }
            try (Stream<Path> walk = Files.walk(zoo)) {
                for (Path f : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".jpg"))
                        .sorted().toList()) {
                    work.add(pool.submit(() -> List.of(zooRow(zoo, f, out))));
                }
            }
            int rows = 0;
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve("features.csv"))) {
                w.write(HEADER + "," + String.join(",", JpegStegoFeatures.NAMES) + "\n");
                for (Future<List<String>> f : work) {
                    for (String row : f.get()) {
                        w.write(row);
                        w.write('\n');
                        rows++;
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("JPEG stego set: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private String zooRow(Path zoo, Path f, Path out) throws IOException {
        Path rel = zoo.relativize(f);
        byte[] bytes = Files.readAllBytes(f);
        JpegCoefficients.Component c = JpegCoefficientReader.read(bytes).luma();
        return row(rel.getName(0).toString(), "zoo-" + rel.getName(1), "clean", c, 0, 0,
                out.relativize(f).toString(), JpegStegoFeatures.of(c));
    }

    private List<String> coverRows(ZooCovers.Picture p, int index, Path out) throws IOException {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + p.split().hashCode() * 7919L + index);
        String split = p.split();
        String id = String.format(Locale.ROOT, "%s-%04d", p.sourceSha256().substring(0, 10), p.index());
        Path work = Files.createTempDirectory("starlight-jpegset");
        List<String> rows = new ArrayList<>();
        try {
            int quality = 60 + r.nextInt(41);
            Path ppm = work.resolve("c.ppm");
            Files.write(ppm, p.ppm());
            Path cover = file(out, "covers", split, id + ".jpg");
            run(List.of("cjpeg", "-quality", "" + quality, "-outfile", cover.toString(), ppm.toString()));
            JpegCoefficients.Component c = JpegCoefficientReader.read(Files.readAllBytes(cover)).luma();
            int nz = Math.max(1, JpegStegoFeatures.nonZeroAc(c));
            double[] fc = JpegStegoFeatures.of(c);
            if (fc == null) {
                return rows;
            }
            rows.add(row(split, "cover", "clean", c, 0, 0, out.relativize(cover).toString(), fc));
            long pixels = (long) p.width() * p.height();
            int small = (int) Math.max(8, Math.round(160.0 * pixels / 65536));
            int large = (int) Math.max(8, Math.round(1024.0 * pixels / 262144));
            boolean holdout = split.equals("holdout");
            int[] sizes = holdout ? new int[] {small, large}
                    : new int[] {new int[] {16 + r.nextInt(48), small, large, 2 * large}[r.nextInt(4)]};
            for (int size : sizes) {
                for (String tool : List.of("steghide", "outguess")) {
                    boolean ownQuality = !holdout && tool.equals("outguess") && r.nextBoolean();
                    Path stego = null;
                    int bytes = size;
                    while (bytes >= 8) {
                        Path msg = work.resolve("m.bin");
                        byte[] m = new byte[bytes];
                        r.nextBytes(m);
                        Files.write(msg, m);
                        String key = Long.toHexString(r.nextLong());
                        Path s = file(out, tool, split, id + "-" + bytes + ".jpg");
                        List<String> cmd = tool.equals("steghide")
                                ? List.of("steghide", "embed", "-q", "-f", "-cf", cover.toString(), "-ef",
                                msg.toString(), "-p", key, "-sf", s.toString())
                                : new ArrayList<>(List.of("outguess", "-k", key, "-d", msg.toString()));
                        if (tool.equals("outguess")) {
                            if (ownQuality) {
                                cmd.addAll(List.of("-p", "" + quality));
                            }
                            cmd.addAll(List.of(cover.toString(), s.toString()));
                        }
                        if (run(cmd) == 0 && Files.size(s) > 0) {
                            stego = s;
                            break;
                        }
                        Files.deleteIfExists(s);
                        if (holdout) {
                            break;
                        }
                        bytes /= 2;
                    }
                    if (stego == null) {
                        continue;
                    }
                    JpegCoefficients.Component sc = JpegCoefficientReader.read(Files.readAllBytes(stego)).luma();
                    double[] fs = JpegStegoFeatures.of(sc);
                    rows.add(row(split, "cover", tool, sc, bytes, bytes * 8.0 / nz,
                            out.relativize(stego).toString(), fs));
                    if (tool.equals("outguess") && (holdout ? size == sizes[0] : true)) {
                        // the clean twin: decompressed and compressed again at the quality outguess wrote
                        int q = ownQuality ? quality : 75;
                        Path twin = file(out, "outguess-covers", split, id + "-q" + q + ".jpg");
                        Path pnm = work.resolve("d.ppm");
                        run(List.of("djpeg", "-outfile", pnm.toString(), cover.toString()));
                        run(List.of("cjpeg", "-quality", "" + q, "-outfile", twin.toString(), pnm.toString()));
                        JpegCoefficients.Component tc = JpegCoefficientReader.read(Files.readAllBytes(twin)).luma();
                        rows.add(row(split, "outguess-cover", "clean", tc, 0, 0, out.relativize(twin).toString(),
                                JpegStegoFeatures.of(tc)));
                    }
                }
            }
            double[] rates = holdout ? new double[] {0.05, 0.1, 0.2}
                    : new double[] {new double[] {0.05, 0.1, 0.2, 0.4}[r.nextInt(4)]};
            for (double rate : rates) {
                long bits = Math.round(rate * nz);
                for (String tool : List.of("f5", "nsf5", "jsteg")) {
                    if (!tool.equals("jsteg") || bits <= JstegEmbedder.capacity(c)) {
                        add(rows, split, tool, c, bits, rate, id + "@" + tool, simulated(c, tool, rate, id));
                    }
                }
            }
            return rows;
        } finally {
            try (Stream<Path> files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** The coefficients F5, nsF5 or jsteg make from a cover at a rate, seeded by the set's seed, cover and rate. */
    private short[] simulated(JpegCoefficients.Component c, String tool, double rate, String id) {
        SplittableRandom er = new SplittableRandom(seed ^ (id + "@" + tool + "@" + rate).hashCode() * 0x9E3779B97F4A7C15L);
        long bits = Math.round(rate * Math.max(1, JpegStegoFeatures.nonZeroAc(c)));
        return switch (tool) {
            case "f5" -> F5Embedder.f5(c, bits, er);
            case "nsf5" -> F5Embedder.nsF5(c, rate, er);
            default -> JstegEmbedder.embed(c, bits, er);
        };
    }

    /**
     * Computes the features of an existing set again (after the features changed): each row's image is read from
     * its file, or made again from its cover for the simulated tools; writes features.csv in place.
     */
    public int refeature(Path out) throws IOException {
        Path csv = out.resolve("features.csv");
        List<String> lines = Files.readAllLines(csv);
        int meta = HEADER.split(",").length;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> work = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",", meta + 1);
                work.add(pool.submit(() -> {
                    String file = c[8];
                    JpegCoefficients.Component comp;
                    int at = file.indexOf('@');
                    if (at < 0) {
                        comp = JpegCoefficientReader.read(Files.readAllBytes(out.resolve(file))).luma();
                    } else {
                        String id = file.substring(0, at);
                        JpegCoefficients.Component cover = JpegCoefficientReader.read(Files.readAllBytes(
                                out.resolve("covers").resolve(c[0]).resolve(id + ".jpg"))).luma();
                        comp = cover.withCoefficients(simulated(cover, c[2], Double.parseDouble(c[7]), id));
                    }
                    StringBuilder b = new StringBuilder(String.join(",", java.util.Arrays.copyOf(c, meta)));
                    for (double v : JpegStegoFeatures.of(comp)) {
                        b.append(',').append(String.format(Locale.ROOT, "%.6g", v));
                    }
                    return b.toString();
                }));
            }
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve("features.csv.tmp"))) {
                w.write(HEADER + "," + String.join(",", JpegStegoFeatures.NAMES) + "\n");
                for (Future<String> f : work) {
                    w.write(f.get());
                    w.write('\n');
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("JPEG stego set: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Files.move(out.resolve("features.csv.tmp"), csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return work.size();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Writes the holdout split as files for {@code starlight eval}: {@code dir/clean/<family>/} (the clean covers,
     * outguess's re-compressed twins and the zoo's JPEG families, copied), {@code dir/stego/steghide/} and
     * {@code dir/stego/outguess/} (the real tools' files, copied; the folder names the method) and
     * {@code dir/stego/<tool>/} for F5, nsF5 and jsteg: the cover with its luma coefficients changed by the
     * simulator, written losslessly ({@link JpegCoefficientWriter}) with a sidecar giving the rate in bits per
     * non-zero AC coefficient. Returns the files written.
     */
    public int writeHoldout(Path set, Path dir) throws IOException {
        List<String> lines = Files.readAllLines(set.resolve("features.csv"));
        int meta = HEADER.split(",").length;
        int written = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", meta + 1);
            if (!c[0].equals("holdout")) {
                continue;
            }
            String family = c[1];
            String tool = c[2];
            String file = c[8];
            int at = file.indexOf('@');
            if (at < 0) {
                Path from = set.resolve(file);
                Path to = tool.equals("clean") ? dir.resolve("clean").resolve(family).resolve(from.getFileName())
                        : dir.resolve("stego").resolve(tool).resolve(from.getFileName());
                Files.createDirectories(to.getParent());
                Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                String id = file.substring(0, at);
                double rate = Double.parseDouble(c[7]);
                Path coverFile = set.resolve("covers").resolve(c[0]).resolve(id + ".jpg");
                byte[] original = Files.readAllBytes(coverFile);
                JpegCoefficients all = JpegCoefficientReader.read(original);
                List<JpegCoefficients.Component> comps = new ArrayList<>(all.components());
                comps.set(0, all.luma().withCoefficients(simulated(all.luma(), tool, rate, id)));
                byte[] stego = JpegCoefficientWriter.write(original,
                        new JpegCoefficients(all.width(), all.height(), all.progressive(), comps));
                Path to = dir.resolve("stego").resolve(tool)
                        .resolve(String.format(Locale.ROOT, "%s-%.2f.jpg", id, rate));
                Files.createDirectories(to.getParent());
                Files.write(to, stego);
                Sidecar.ofDct(tool, rate, coverFile.getFileName().toString()).writeBeside(to);
            }
            written++;
        }
        return written;
    }

    private static void add(List<String> rows, String split, String tool, JpegCoefficients.Component c, long bits,
                            double rate, String name, short[] changed) {
        JpegCoefficients.Component s = c.withCoefficients(changed);
        rows.add(row(split, "cover", tool, s, bits / 8.0, rate, name, JpegStegoFeatures.of(s)));
    }

    private static Path file(Path out, String kind, String split, String name) throws IOException {
        return Files.createDirectories(out.resolve(kind).resolve(split)).resolve(name);
    }

    private static String row(String split, String family, String tool, JpegCoefficients.Component c, double bytes,
                              double rate, String file, double[] f) {
        StringBuilder b = new StringBuilder();
        b.append(split).append(',').append(family).append(',').append(tool).append(',')
                .append(quality(c.quant())).append(',').append(c.blocksWide() * 8).append(',')
                .append(c.blocksHigh() * 8).append(',').append(String.format(Locale.ROOT, "%.1f", bytes)).append(',')
                .append(String.format(Locale.ROOT, "%.4f", rate)).append(',').append(file);
        for (double v : f) {
            b.append(',').append(String.format(Locale.ROOT, "%.6g", v));
        }
        return b.toString();
    }

    /** The IJG quality whose scaled standard luminance table (T.81 K.1) is nearest to {@code quant}. */
    static int quality(int[] quant) {
        int best = 100;
        double bestError = Double.MAX_VALUE;
        for (int q = 1; q <= 100; q++) {
            int scale = q < 50 ? 5000 / q : 200 - 2 * q;
            double error = 0;
            for (int k = 0; k < 64; k++) {
                int t = Math.max(1, Math.min(255, (STD_LUMA[k] * scale + 50) / 100));
                error += Math.abs(t - quant[k]);
            }
            if (error < bestError) {
                bestError = error;
                best = q;
            }
        }
        return best;
    }

    /** T.81 Table K.1, natural order. */
    private static final int[] STD_LUMA = {
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};

    private static int run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG stego set: cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
