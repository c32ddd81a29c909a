package dev.starlight.core.analysis.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.core.Evidence;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FusionTrainerTest {

    /** Clean: spa@colour ~ N(0, 0.01); stego: ~ N(0.2, 0.05); "noise" carries nothing. */
    private static List<FusionTrainer.Example> examples(long seed, int n) {
        Random r = new Random(seed);
        List<FusionTrainer.Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean stego = i % 2 == 0;
            double spa = stego ? 0.2 + 0.05 * r.nextGaussian() : 0.01 * r.nextGaussian();
            out.add(new FusionTrainer.Example("truecolour", Map.of("spa@colour", spa, "noise", r.nextGaussian()), stego));
        }
        return out;
    }

    private static FusionTrainer trainer(double extraMargin) {
        return new FusionTrainer(0.001, 0.005, extraMargin, Map.of("truecolour", List.of("noise", "spa@colour"),
                "lossy", List.of("trailer")));
    }

    @Test
    void foldMarginIsHowFarOneFoldReachedPastTheOthers() {
        // folds (round-robin): {5, 0}, {1}, {2}, {1.5}, {1}: fold 0 reached 3 past the best of the rest
        assertThat(FusionTrainer.foldMargin(new double[] {5, 1, 2, 1.5, 1, 0})).isCloseTo(3.0, within(1e-12));
        assertThat(FusionTrainer.foldMargin(new double[] {1, 1, 1, 1, 1})).isZero();
        assertThat(FusionTrainer.foldMargin(new double[] {9, 1})).isZero();
    }

    @Test
    void structuralRulesDecideBeforeTheRegression() {
        FusionModel model = new FusionModel("fusion-test", Map.of(), Map.of());
        FusionModel.Fused fused = model.fuse("jpeg", List.of(new Evidence("trailer", 0.97, "zip archive at +0")), 65536);
        assertThat(fused.stego()).isTrue();
        assertThat(fused.method()).isEqualTo("raw");
        assertThat(fused.probability()).isEqualTo(0.97);
        assertThat(model.fuse("jpeg", List.of(new Evidence("trailer", 0.6, "junk")), 65536).stego()).isFalse();
        assertThat(model.fuse("gif", List.of(new Evidence("palette.order", 0.8, "")), 65536).method()).isEqualTo("palette");
    }

    @Test
    void learnsTheInformativeFeatureAndIgnoresNoise() {
        FusionModel.GroupModel g = trainer(0.0).fit(examples(1, 600)).get("truecolour");
        assertThat(g.features()).containsExactly("noise", "spa@colour");
        assertThat(g.weights()[1]).isGreaterThan(5 * Math.abs(g.weights()[0]));
    }

    @Test
    void thresholdKeepsCleanFalsePositivesWithinTheBudgetOnFreshData() {
        FusionModel.GroupModel g = trainer(1.0).fit(examples(2, 2000)).get("truecolour");
        int fp = 0;
        int tp = 0;
        List<FusionTrainer.Example> fresh = examples(3, 2000);
        for (FusionTrainer.Example e : fresh) {
            boolean flagged = g.rawProbability(e.features()) >= g.threshold();
            fp += !e.stego() && flagged ? 1 : 0;
            tp += e.stego() && flagged ? 1 : 0;
        }
        assertThat(fp / 1000.0).isLessThanOrEqualTo(0.005);
        assertThat(tp / 1000.0).isGreaterThan(0.9);
    }

    @Test
    void boundaryKeepsTheBudgetInEveryCleanFamilyNotOnlyOnAverage() {
        // 1,000 plain clean logits and 200 of a rarer family whose tail runs higher (as sharpened PNGs do)
        List<Double> plain = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            plain.add(-5.0 + i / 1000.0);
        }
        List<Double> rare = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rare.add(-3.0 + i / 100.0); // up to -1.01
        }
        // pooled, 0.5% of 1,200 would allow 6 above the boundary, all from the rare family (3% of it);
        // per family, the rare one allows floor(0.005 × 200) = 1: the boundary is its second highest
        assertThat(FusionTrainer.boundary(List.of(plain, rare), 0.005)).isCloseTo(-1.02, within(1e-9));
        assertThat(FusionTrainer.boundary(List.of(plain), 0.005)).isCloseTo(-4.006, within(1e-9));
        // a family too small to allow any: its highest
        assertThat(FusionTrainer.boundary(List.of(plain, List.of(-4.5, -2.5)), 0.005)).isEqualTo(-2.5);
    }

    @Test
    void modelOperatingPointsFollowTheHeaviestFamilyAndNeverFallUnderOneHalf() {
        List<FusionTrainer.Example> examples = new ArrayList<>();
        Random r = new Random(6);
        for (int i = 0; i < 400; i++) {
            // indexed: one family's probabilities reach 0.99; true-colour: all far under 0.5
            examples.add(new FusionTrainer.Example("indexed", i < 200 ? "animated" : "dithered",
                    Map.of("model", i < 200 ? 0.5 + 0.49 * r.nextDouble() : 0.05 * r.nextDouble()), false));
            examples.add(new FusionTrainer.Example("truecolour", "photo", Map.of("model", 0.01 * r.nextDouble()), false));
            examples.add(new FusionTrainer.Example("truecolour", "", Map.of("model", 0.99), true));
        }
        Map<String, Double> points = trainer(0.0).operatingPoints(examples, "model");
        assertThat(points.get("indexed")).isGreaterThan(0.99);
        assertThat(points.get("truecolour")).isEqualTo(0.5);
    }

    @Test
    void groupsWithOneClassOnlyAreNotFitted() {
        List<FusionTrainer.Example> onlyClean = List.of(
                new FusionTrainer.Example("lossy", Map.of("trailer", 0.0), false),
                new FusionTrainer.Example("lossy", Map.of("trailer", 0.1), false));
        assertThat(trainer(1.0).fit(onlyClean)).isEmpty();
    }

    @Test
    void fusedVerdictNamesTheMethodOfTheStrongestFeatureAndMapsTheThresholdToOneHalf() throws Exception {
        FusionModel.GroupModel g = trainer(0.0).fit(examples(4, 600)).get("truecolour");
        FusionModel model = new FusionModel("fusion-test", Map.of(), Map.of("truecolour", g));
        List<Evidence> stego = List.of(new Evidence("spa.red", 0.9, "", 0.3), new Evidence("spa.green", 0.9, "", 0.3),
                new Evidence("spa.blue", 0.9, "", 0.3));
        FusionModel.Fused fused = model.fuse("png", stego, 65536);
        assertThat(fused.stego()).isTrue();
        assertThat(fused.method()).isEqualTo("lsb.rgb");
        assertThat(fused.probability()).isGreaterThanOrEqualTo(0.5);
        List<Evidence> clean = List.of(new Evidence("spa.red", 0.0, "", 0.0), new Evidence("spa.green", 0.0, "", 0.0),
                new Evidence("spa.blue", 0.0, "", 0.0));
        assertThat(model.fuse("png", clean, 65536).stego()).isFalse();
        assertThat(model.fuse("png", clean, 65536).probability()).isLessThan(0.5);
        assertThat(FusionModel.remap(g.threshold(), g.threshold())).isCloseTo(0.5, within(1e-12));
        // a small image: its estimates scatter too much for the regression, so only rules may decide
        FusionModel.Fused small = model.fuse("png", stego, 64 * 64);
        assertThat(small.stego()).isFalse();
        assertThat(small.detail()).isEqualTo("group truecolour; image under 16384 pixels: too small for the "
                + "regression (structural rules only)");
        assertThat(fused.detail()).isEqualTo("group truecolour, strongest spa@colour");

        FusionModel back = FusionModel.fromJson(new ByteArrayInputStream(model.toJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(back.fuse("png", stego, 65536)).isEqualTo(fused);
    }

    @Test
    void featuresFollowTheKindOfTheEvidenceNotItsName() {
        Map<String, Double> f = FusionFeatures.of(List.of(
                new Evidence(Evidence.Kind.MODEL, "spa.red", 0.9, ""),
                new Evidence(Evidence.Kind.FUSION, "trailer", 0.9, ""),
                new Evidence(Evidence.Kind.EXTRACTION, "extract.alpha", 0.8, ""),
                new Evidence("model.lookalike", 0.3, "")));
        assertThat(f).containsOnlyKeys("extract.alpha", "model.lookalike");
    }

    @Test
    void featuresAverageColourPlanesAndKeepTheMaximumElsewhere() {
        Map<String, Double> f = FusionFeatures.of(List.of(new Evidence("ws.red", 0.5, "", 0.1),
                new Evidence("ws.green", 0.5, "", 0.3), new Evidence("ws.alpha", 0.9, "", 0.4),
                new Evidence("trailer", 0.2, ""), new Evidence("trailer", 0.7, ""), Evidence.notRun("rs", "lossy"),
                new Evidence(Evidence.Kind.MODEL, "model.x", 0.99, "")));
        assertThat(f).containsOnlyKeys("ws@colour", "ws@alpha", "trailer");
        // all three estimators must agree: a sharpened cover that SPA and WS read at 0.3 and RS at 0.05 reads 0.05
        Map<String, Double> agreed = FusionFeatures.of(List.of(new Evidence("spa.index", 1.0, "", 0.3),
                new Evidence("rs.index", 1.0, "", 0.05), new Evidence("ws.index", 1.0, "", 0.3)));
        assertThat(agreed.get("lsb@index")).isEqualTo(0.05);
        // and every plane: replacement at 0.4 reads about 0.4 on each, and the agreement is the smallest estimator mean
        List<Evidence> planes = new ArrayList<>();
        double[][] byPlane = {{0.42, 0.39, 0.41}, {0.38, 0.43, 0.40}, {0.41, 0.40, 0.44}};
        String[] names = {"red", "green", "blue"};
        for (int p = 0; p < 3; p++) {
            planes.add(new Evidence("spa." + names[p], 1.0, "", byPlane[p][0]));
            planes.add(new Evidence("rs." + names[p], 1.0, "", byPlane[p][1]));
            planes.add(new Evidence("ws." + names[p], 1.0, "", byPlane[p][2]));
        }
        assertThat(FusionFeatures.of(planes).get("lsb@colour")).isCloseTo((0.42 + 0.38 + 0.41) / 3, within(1e-12));
        // RS reads 0 on green: the agreement is capped at that smallest estimate plus the slack
        planes.set(4, new Evidence("rs.green", 1.0, "", 0.0));
        assertThat(FusionFeatures.of(planes).get("lsb@colour")).isCloseTo(0.05, within(1e-12));
        // one estimate at 0.1 under the others: capped at twice it
        planes.set(4, new Evidence("rs.green", 1.0, "", 0.1));
        assertThat(FusionFeatures.of(planes).get("lsb@colour")).isCloseTo(0.2, within(1e-12));
        // a plane where one estimator did not run (too saturated) does not take part
        planes.set(4, Evidence.notRun("rs.green", "too saturated"));
        assertThat(FusionFeatures.of(planes).get("lsb@colour")).isCloseTo((0.39 + 0.40) / 2, within(1e-12));
        assertThat(FusionFeatures.input("png", planes).group()).isEqualTo(FusionGroup.TRUECOLOUR);
        assertThat(FusionFeatures.input("png", planes).features()).isEqualTo(FusionFeatures.of(planes));
        // one plane (a grey image): its three estimates alone, fitted apart
        List<Evidence> grey = List.of(new Evidence("spa.grey", 1.0, "", 0.4), new Evidence("rs.grey", 1.0, "", 0.45),
                new Evidence("ws.grey", 1.0, "", 0.5));
        assertThat(FusionFeatures.input("png", grey).group()).isEqualTo(FusionGroup.GREY);
        assertThat(FusionFeatures.input("gif", grey).group()).isEqualTo(FusionGroup.INDEXED);
        assertThat(f.get("ws@colour")).isCloseTo(0.2, within(1e-12));
        assertThat(f.get("ws@alpha")).isEqualTo(0.4);
        assertThat(f.get("trailer")).isEqualTo(0.7);
        assertThat(FusionFeatures.methodOf("ws@alpha")).isEqualTo("alpha");
        assertThat(FusionFeatures.methodOf("rs@index")).isEqualTo("palette");
        assertThat(FusionFeatures.methodOf("trailer")).isEqualTo("raw");
        assertThat(FusionFeatures.methodOf("jpeg.calib")).isEqualTo("other");
    }
}
