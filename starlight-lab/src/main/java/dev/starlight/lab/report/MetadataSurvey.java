package dev.starlight.lab.report;

import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.Evidence;
import dev.starlight.core.analysis.MetadataTextDetector;
import dev.starlight.core.analysis.PaletteOrderDetector;
import dev.starlight.core.analysis.TrailerDetector;
import dev.starlight.core.analysis.fusion.StructuralRules;
import dev.starlight.core.analysis.metadata.MetadataField;
import dev.starlight.core.analysis.metadata.MetadataFields;
import dev.starlight.core.analysis.metadata.MetadataPolicy;
import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Measures what the structural rules make of families of files: for each folder given (a family, its files read
 * recursively), how many files each rule flags ({@code meta}, {@code trailer}, {@code palette.order} at their
 * {@link StructuralRules} thresholds; {@code extract.exif}: an EXIF message at the message threshold), and, with
 * {@code --fields}, the distribution of the features the metadata policy reads (length, entropy, line breaks,
 * form) for every metadata text field, per field role and form, and for palette tables of 16 entries or more the
 * statistics {@code palette.order} reads (sorted head, share of the tail inside its range). It prints; it decides
 * nothing.
 *
 * <pre>bin/metadata-survey [--fields] DIR...</pre>
 */
public final class MetadataSurvey {
    private static final MetadataTextDetector META = new MetadataTextDetector();
    private static final TrailerDetector TRAILER = new TrailerDetector();
    private static final PaletteOrderDetector PALETTE = new PaletteOrderDetector();

    private MetadataSurvey() {
    }

    public static void main(String[] args) throws IOException {
        boolean fields = false;
        List<Path> dirs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--fields")) {
                fields = true;
            } else {
                dirs.add(Path.of(a));
            }
        }
        System.out.printf("%-34s %6s %6s %6s %8s %8s %8s%n", "family", "files", "read", "meta", "extract", "trailer",
                "palette");
        Map<String, List<Double>> features = new TreeMap<>();
        Map<String, List<double[]>> palettes = new TreeMap<>();
        for (Path dir : dirs) {
            int files = 0;
            int read = 0;
            int[] flagged = new int[4];
            for (Path p : list(dir)) {
                files++;
                byte[] bytes = Files.readAllBytes(p);
                DecodedImage image;
                try {
                    image = ImageCodecs.decode(bytes);
                } catch (StarlightException | IllegalArgumentException e) {
                    continue;
                }
                read++;
                flagged[0] += fires(META.analyse(image, bytes), "meta");
                flagged[1] += exifMessage(bytes, image);
                flagged[2] += fires(TRAILER.analyse(image, bytes), "trailer");
                flagged[3] += fires(PALETTE.analyse(image, bytes), "palette.order");
                if (fields) {
                    collect(dir.getFileName().toString(), image, features);
                    palette(dir.getFileName().toString(), image, palettes);
                }
            }
            System.out.printf("%-34s %6d %6d %6d %8d %8d %8d%n", dir.getFileName(), files, read, flagged[0],
                    flagged[1], flagged[2], flagged[3]);
        }
        if (fields) {
            printFeatures(features);
            printPalettes(palettes);
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static int fires(List<Evidence> evidence, String detector) {
        for (StructuralRules.Rule r : StructuralRules.RULES) {
            for (Evidence e : evidence) {
                if (r.detector().equals(detector) && e.detector().equals(detector) && e.score() != null
                        && e.score() >= r.threshold()) {
                    return 1;
                }
            }
        }
        return 0;
    }

    private static int exifMessage(byte[] bytes, DecodedImage image) {
        for (Extraction e : Protocol.messages(bytes, image)) {
            if (e.method() == Method.EXIF) {
                return 1;
            }
        }
        return 0;
    }

    /** Per family, role and form: each field's length (chars), entropy (bits/byte) and line count. */
    private static void collect(String family, DecodedImage image, Map<String, List<Double>> features) {
        for (MetadataField f : MetadataFields.of(image)) {
            MetadataPolicy.Judgement j = MetadataPolicy.judge(f);
            String key = family + " | " + f.role().name().toLowerCase(Locale.ROOT) + " | " + j.form().label();
            List<Double> v = features.computeIfAbsent(key, k -> new ArrayList<>());
            v.add((double) j.features().chars());
            v.add(j.features().entropy());
            v.add((double) j.features().lines());
        }
    }

    /** Palette tables of 16 entries or more: the sorted head's length and the share of the tail inside its range. */
    private static void palette(String family, DecodedImage image, Map<String, List<double[]>> palettes) {
        if (image.palette() == null || image.palette().size() < PaletteOrderDetector.MIN_ENTRIES) {
            return;
        }
        PaletteOrderDetector.SortedHead h = PaletteOrderDetector.sortedHead(image.palette());
        String key = family + " | " + (h.permuted() ? "permuted tail" : "no permuted tail");
        palettes.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {h.length(), 100 * h.interleaved()});
    }

    private static void printPalettes(Map<String, List<double[]>> palettes) {
        System.out.println();
        System.out.printf("%-50s %5s %22s %26s%n", "family | palette table", "n", "sorted head min/med/max",
                "% of tail inside min/med/max");
        for (Map.Entry<String, List<double[]>> e : palettes.entrySet()) {
            List<double[]> v = e.getValue();
            double[] head = v.stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] inside = v.stream().mapToDouble(x -> x[1]).sorted().toArray();
            int n = v.size();
            System.out.printf("%-50s %5d %22s %26s%n", e.getKey(), n,
                    String.format("%.0f/%.0f/%.0f", head[0], head[n / 2], head[n - 1]),
                    String.format("%.0f/%.0f/%.0f", inside[0], inside[n / 2], inside[n - 1]));
        }
    }

    private static void printFeatures(Map<String, List<Double>> features) {
        System.out.println();
        System.out.printf("%-60s %5s %24s %16s %9s%n", "family | role | form", "n", "chars min/median/p99/max",
                "entropy med/max", "lines max");
        for (Map.Entry<String, List<Double>> e : features.entrySet()) {
            List<Double> v = e.getValue();
            int n = v.size() / 3;
            double[] chars = new double[n];
            double[] entropy = new double[n];
            double maxLines = 0;
            for (int i = 0; i < n; i++) {
                chars[i] = v.get(3 * i);
                entropy[i] = v.get(3 * i + 1);
                maxLines = Math.max(maxLines, v.get(3 * i + 2));
            }
            java.util.Arrays.sort(chars);
            java.util.Arrays.sort(entropy);
            System.out.printf("%-60s %5d %24s %16s %9.0f%n", e.getKey(), n,
                    String.format("%.0f/%.0f/%.0f/%.0f", chars[0], chars[n / 2], chars[(int) (0.99 * (n - 1))],
                            chars[n - 1]),
                    String.format("%.2f/%.2f", entropy[n / 2], entropy[n - 1]), maxLines);
        }
    }
}
