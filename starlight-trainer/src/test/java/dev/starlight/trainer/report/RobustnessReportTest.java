package dev.starlight.trainer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.core.model.InputStreams;
import dev.starlight.core.model.ModelDetector;
import dev.starlight.core.model.ModelInputOptions;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.testsupport.TinyTrainingSet;
import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.TrainingRun;
import dev.starlight.trainer.data.TileSample;
import dev.starlight.trainer.data.TrainingSplit;
import dev.starlight.trainer.evaluation.RunFolder;
import dev.starlight.trainer.report.GradientAttack.Kind;
import dev.starlight.trainer.train.NetworkTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The robustness report on the tiny run: attacks that move the logit the right way, transforms the scanner reads. */
class RobustnessReportTest {
    static final int MAX_IMAGES = 12;

    @TempDir
    static Path dir;
    static Path set;
    static Path run;
    static RunFolder folder;
    static NetworkTrainer trainer;
    static GradientAttack attack;
    static TileSample[] stego;
    static TileSample[] clean;
    static float threshold;
    static RobustnessReport.Result report;
    static Path out;

    @BeforeAll
    static void trainAndReport() throws Exception {
        set = TinyTrainingSet.make(dir, 16, 64);
        run = dir.resolve("run");
        TrainingRun.run(TrainingConfig.tiny(set, run), p -> { }, "test tiny run");
        out = dir.resolve("reports").resolve("robustness.md");
        report = RobustnessReport.run(new RobustnessReport.Options(run, set, MAX_IMAGES, 2, 7L, 1, out,
                "test robustness"));
        folder = RunFolder.read(run);
        threshold = (float) folder.metrics().training().threshold();
        trainer = folder.loadNetwork();
        attack = new GradientAttack(trainer);
        TrainingConfig config = folder.trainingConfig();
        TrainingSplit split = TrainingSplit.load(set.resolve(TrainingSetGenerator.HOLDOUT),
                new ModelInputOptions(config.tileSize(), ModelInputOptions.DEFAULT_MAX_TILES), config.streams(), 2,
                MAX_IMAGES, 7L, 1);
        stego = split.stego().toArray(TileSample[]::new);
        clean = split.clean().toArray(TileSample[]::new);
    }

    @AfterAll
    static void close() {
        if (trainer != null) {
            trainer.close();
        }
    }

    @Test
    void fgsmAtEpsilonZeroChangesNothing() {
        TileSample[] tiles = concat(stego, clean);
        GradientAttack.Outcome o = attack.run(Kind.FGSM, tiles, 0f);
        for (int i = 0; i < tiles.length; i++) {
            for (int s = 0; s < tiles[i].streams().length; s++) {
                assertThat(o.tiles()[i].streams()[s]).containsExactly(tiles[i].streams()[s]);
            }
        }
        assertThat(o.after()).containsExactly(o.before());
        assertThat(o.before()).containsExactly(attack.logits(tiles));
    }

    @Test
    void aLargeStepPushesStegoLogitsDownAndCleanLogitsUp() {
        GradientAttack.Outcome s = attack.run(Kind.FGSM, stego, 0.1f);
        assertThat(mean(s.after())).isLessThan(mean(s.before()));
        GradientAttack.Outcome c = attack.run(Kind.FGSM, clean, 0.1f);
        assertThat(mean(c.after())).isGreaterThan(mean(c.before()));
    }

    /**
     * The tiny model detects few tiles at its own operating point, so the comparison uses the median logit of all
     * tiles as the threshold: half the tiles are then right and can be flipped.
     */
    @Test
    void pgdIsAtLeastAsStrongAsFgsmOnTheSameTiles() {
        float[] logits = attack.logits(concat(stego, clean));
        Arrays.sort(logits);
        float median = logits[logits.length / 2];
        for (float epsilon : new float[] {0.02f, 0.1f}) {
            var fgsm = RobustnessReport.attackRow(attack, Kind.FGSM, epsilon, stego, clean, median);
            var pgd = RobustnessReport.attackRow(attack, Kind.PGD, epsilon, stego, clean, median);
            assertThat(fgsm.stego().correct()).isPositive();
            assertThat(pgd.stego().correct()).isEqualTo(fgsm.stego().correct());
            assertThat(pgd.stego().flipped()).as("evasions at ε=%s", epsilon)
                    .isGreaterThanOrEqualTo(fgsm.stego().flipped());
            assertThat(pgd.clean().flipped()).as("false alarms at ε=%s", epsilon)
                    .isGreaterThanOrEqualTo(fgsm.clean().flipped());
            assertThat(pgd.stego().meanDelta()).isLessThanOrEqualTo(fgsm.stego().meanDelta());
        }
    }

    @Test
    void pgdStaysInTheEpsilonBallAndTheUnitRangeAndLeavesLsbAlone() {
        float epsilon = 0.05f;
        GradientAttack.Outcome o = attack.run(Kind.PGD, stego, epsilon);
        List<String> names = trainer.network().streams().stream().map(s -> s.name()).toList();
        int pixels = names.indexOf(InputStreams.PIXELS);
        int lsb = names.indexOf(InputStreams.LSB);
        for (int i = 0; i < stego.length; i++) {
            float[] before = stego[i].streams()[pixels];
            float[] after = o.tiles()[i].streams()[pixels];
            for (int k = 0; k < before.length; k++) {
                assertThat(Math.abs(after[k] - before[k])).isLessThanOrEqualTo(epsilon + 1e-6f);
                assertThat(after[k]).isBetween(0f, 1f);
            }
            assertThat(o.tiles()[i].streams()[lsb]).containsExactly(stego[i].streams()[lsb]);
        }
    }

    @Test
    void transformedImagesAreAcceptedByTheScanner() throws Exception {
        List<LabelledImage> images = RobustnessReport.spread(
                TrainingSplit.images(set.resolve(TrainingSetGenerator.HOLDOUT)), MAX_IMAGES);
        try (OnnxModel onnx = OnnxModel.load(folder.onnx())) {
            Scanner with = new Scanner(ScanOptions.DEFAULT, List.of(new ModelDetector(onnx)), "test");
            for (LabelledImage image : images) {
                byte[] file = Files.readAllBytes(image.file());
                for (Transformations.Transformation t : Transformations.ALL) {
                    byte[] changed = t.apply(file, 1L);
                    assertThat(changed).as("%s of %s", t.name(), image.file()).isNotNull();
                    ScanResult r = with.scan(changed);
                    assertThat(r.isError()).as("%s of %s: %s", t.name(), image.file(), r.error()).isFalse();
                }
            }
        }
        for (RobustnessReport.TransformRow row : report.transforms()) {
            for (String key : row.counts().keySet()) {
                assertThat(row.get(key).errors()).as("%s %s", row.name(), key).isZero();
            }
            assertThat(row.get(RobustnessReport.STEGO).images()).isPositive();
            assertThat(row.get(RobustnessReport.CLEAN).images()).isPositive();
        }
    }

    @Test
    void resavingAsPngKeepsPixelPayloadsAndDropsTrailers() {
        var baseline = report.transforms().get(0);
        var resaved = report.transforms().stream().filter(r -> r.name().equals("png-resave")).findFirst()
                .orElseThrow();
        assertThat(baseline.name()).isEqualTo("baseline");
        boolean sawPixels = false;
        for (String key : baseline.counts().keySet()) {
            if (key.startsWith("stego:lsb.rgb") || key.startsWith("stego:alpha")) {
                sawPixels = true;
                assertThat(resaved.get(key).recovered()).as(key).isEqualTo(baseline.get(key).recovered());
            }
            if (key.startsWith("stego:raw")) {
                assertThat(resaved.get(key).recovered()).as(key).isZero();
            }
        }
        assertThat(sawPixels).isTrue();
    }

    @Test
    void theReportHasARowPerAttackAndEpsilonAndPerTransformation() throws Exception {
        String md = Files.readString(out);
        assertThat(md).isEqualTo(report.markdown());
        assertThat(md).contains(folder.metrics().version()).contains(folder.metrics().dataSha256())
                .contains("the same as the training set's").contains("test robustness").contains("cores");
        for (Kind kind : Kind.values()) {
            for (float e : RobustnessReport.EPSILONS) {
                assertThat(md).contains("| " + kind.label() + " | " + RobustnessMarkdown.eps(e) + " |");
            }
        }
        for (float e : RobustnessReport.EPSILONS) {
            assertThat(md).contains("\n| " + RobustnessMarkdown.eps(e) + " | ");
        }
        for (Transformations.Transformation t : Transformations.ALL) {
            assertThat(md).contains("\n| " + t.name() + " | ");
        }
        assertThat(report.attacks()).hasSize(2 * RobustnessReport.EPSILONS.length);
        int detected = 0;
        for (float logit : attack.logits(stego)) {
            detected += logit >= threshold ? 1 : 0;
        }
        assertThat(report.attacks().get(0).stego().correct()).as("stego tiles at the run's operating point")
                .isEqualTo(detected);
        assertThat(report.attacks().get(0).stego().tiles()).isEqualTo(stego.length);
        assertThat(report.realisable()).hasSize(RobustnessReport.EPSILONS.length);
        assertThat(report.realisable().get(0).changed()).as("ε = 0.001 is under half a grey level").isZero();
    }

    @Test
    void theSameRunDataAndOptionsWriteTheSameReport() throws Exception {
        Path again = dir.resolve("again.md");
        RobustnessReport.run(new RobustnessReport.Options(run, set, MAX_IMAGES, 2, 7L, 1, again, "test robustness"));
        String figures = report.markdown().substring(report.markdown().indexOf("## 1."));
        assertThat(Files.readString(again)).endsWith(figures); // the header carries the date
    }

    private static double mean(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static TileSample[] concat(TileSample[] a, TileSample[] b) {
        List<TileSample> all = new ArrayList<>(Arrays.asList(a));
        all.addAll(Arrays.asList(b));
        return all.toArray(TileSample[]::new);
    }
}
