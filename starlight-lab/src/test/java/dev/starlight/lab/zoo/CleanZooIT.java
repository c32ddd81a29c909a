package dev.starlight.lab.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.analysis.fusion.FusionModel;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.lab.evaluation.Evaluator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded subset of the clean zoo, every family, made with the real tools from the corpus covers (where present)
 * and one small wallpaper package (gnome-backgrounds): the statistics alone, with the shipped fusion fit, must call
 * none of them stego. Installs the tools with {@code bin/install-zoo-tools --minimal}; skips, saying so, only when
 * that script exits 3 (missing, and this user cannot install them).
 */
class CleanZooIT {
    static final long SEED = 20261124;
    /** Failsafe runs in the module's folder; the repository is its parent. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    static Path dir;
    static Path zoo;
    static CleanZoo.Summary summary;

    @BeforeAll
    static void generate() throws Exception {
        Process install = new ProcessBuilder("bash", ROOT.resolve("bin/install-zoo-tools").toString(), "--minimal")
                .redirectErrorStream(true).start();
        String said = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = install.waitFor();
        Assumptions.assumeTrue(status != 3, "skipped: the zoo's tools are missing and cannot be installed here: " + said);
        assertThat(status).as("bin/install-zoo-tools --minimal: %s", said).isZero();
        List<Path> sources = new ArrayList<>();
        Path corpus = ROOT.resolve("../shared/corpus/covers").normalize();
        if (Files.isDirectory(corpus)) {
            sources.add(corpus);
        }
        sources.add(Path.of("/usr/share/backgrounds/gnome"));
        zoo = dir.resolve("zoo");
        summary = new CleanZoo(SEED, 3, Runtime.getRuntime().availableProcessors()).generate(sources, zoo);
    }

    @Test
    void everyFamilyHasHeldOutAndValidationImagesOfItsFormatAndAReadmeLine() throws IOException {
        String readme = Files.readString(zoo.resolve("README.md"));
        for (ZooFamily family : ZooFamily.values()) {
            assertThat(summary.images().get(family.folder())).containsEntry("holdout", 2).containsEntry("validation", 1);
            assertThat(readme).contains("| " + family.folder() + " |");
            for (String split : List.of("holdout", "validation")) {
                List<Path> files = files(zoo.resolve(split).resolve(family.folder()));
                assertThat(files).as("%s/%s", split, family.folder()).hasSize(split.equals("holdout") ? 2 : 1);
                for (Path f : files) {
                    ImageFormat format = ImageFormat.sniff(Files.readAllBytes(f)).orElseThrow();
                    assertThat(format.name().toLowerCase(java.util.Locale.ROOT).replace("jpeg", "jpg"))
                            .as("%s", f).isEqualTo(family.extension());
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> theStatisticsAloneFlagNoImageOfAnyFamily() {
        FusionModel fusion = FusionModel.shipped();
        Scanner scanner = new Scanner(ScanOptions.DEFAULT, List.of(), Scanner.defaultVersion(fusion), fusion);
        return Stream.of(ZooFamily.values()).map(family -> DynamicTest.dynamicTest(family.folder(), () -> {
            Map<String, String> flagged = new TreeMap<>();
            int scanned = 0;
            for (String split : List.of("holdout", "validation")) {
                for (Path f : files(zoo.resolve(split).resolve(family.folder()))) {
                    ScanResult r = scanner.scan(new ScanRequest(f.toString(), f.toString(), Files.readAllBytes(f)));
                    scanned++;
                    assertThat(r.isError()).as("%s: %s", f, r.error()).isFalse();
                    if (r.isStego()) {
                        flagged.put(split + "/" + f.getFileName(), Evaluator.firedBy(r));
                    }
                }
            }
            assertThat(flagged).as("family %s (%s): %d of %d clean images called stego by the statistics alone; "
                    + "what fired: %s", family.folder(), family.imitates(), flagged.size(), scanned, flagged).isEmpty();
        }));
    }

    @Test
    void theSameSourcesAndSeedGiveTheSameBytesAndNoSourceFeedsTwoSplits() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("few-sources"));
        for (int i = 0; i < 6; i++) {
            Files.write(sources.resolve("s" + i + ".png"), SyntheticCovers.encoded(ImageFormat.PNG, 320 + 64 * i, i));
        }
        Set<ZooFamily> some = EnumSet.of(ZooFamily.CAMERA_JPEG, ZooFamily.AI_PNG_COMFYUI, ZooFamily.ANIMATED_PNG,
                ZooFamily.DITHERED_GIF, ZooFamily.EDITED_WEBP);
        new CleanZoo(7, 6, 2, some).generate(List.of(sources), dir.resolve("a"));
        new CleanZoo(7, 6, 1, some).generate(List.of(sources), dir.resolve("b"));
        new CleanZoo(8, 6, 2, some).generate(List.of(sources), dir.resolve("c"));
        List<Path> a = files(dir.resolve("a"));
        assertThat(a).hasSizeGreaterThan(some.size());
        boolean anyDiffers = false;
        for (Path f : a) {
            Path rel = dir.resolve("a").relativize(f);
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(rel))).as("%s", rel).isEqualTo(Files.readAllBytes(f));
            Path other = dir.resolve("c").resolve(rel);
            anyDiffers |= !Files.exists(other) || !java.util.Arrays.equals(Files.readAllBytes(other), Files.readAllBytes(f));
        }
        assertThat(anyDiffers).as("another seed gives other images").isTrue();

        var covers = ZooSources.covers(ZooSources.sourceFiles(List.of(sources)), 7,
                java.util.concurrent.Executors.newFixedThreadPool(2));
        Set<String> seen = new HashSet<>();
        for (var split : covers.values()) {
            Set<String> here = new HashSet<>();
            split.forEach(c -> here.add(c.sourceSha256()));
            for (String source : here) {
                assertThat(seen.add(source)).as("source %s in two splits", source).isTrue();
            }
        }
        assertThat(seen).hasSize(6);
    }

    @Test
    void aLargerHoldoutOnlyRunExtendsTheHoldoutMadeBefore() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("extend-sources"));
        for (int i = 0; i < 6; i++) {
            Files.write(sources.resolve("s" + i + ".png"), SyntheticCovers.encoded(ImageFormat.PNG, 320 + 64 * i, i));
        }
        Set<ZooFamily> some = EnumSet.of(ZooFamily.CAMERA_JPEG, ZooFamily.NOISY_PNG);
        new CleanZoo(7, 6, 2, some).generate(List.of(sources), dir.resolve("small"));
        new CleanZoo(7, 20, 2, some, Set.of("holdout")).generate(List.of(sources), dir.resolve("large"));
        assertThat(files(dir.resolve("large").resolve("train"))).isEmpty();
        assertThat(files(dir.resolve("large").resolve("validation"))).isEmpty();
        List<Path> small = files(dir.resolve("small").resolve("holdout"));
        List<Path> large = files(dir.resolve("large").resolve("holdout"));
        assertThat(small).hasSize(2 * 3); // ceil(35% of 6) per family
        assertThat(large).hasSize(2 * 7); // ceil(35% of 20)
        for (Path f : small) {
            Path rel = dir.resolve("small").relativize(f);
            assertThat(Files.readAllBytes(dir.resolve("large").resolve(rel))).as("%s", rel)
                    .isEqualTo(Files.readAllBytes(f));
        }
        assertThatThrownBy(() -> new CleanZoo(7, 6, 2, some, Set.of("test")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
    }
}
