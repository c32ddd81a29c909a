package dev.starlight.lab.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.analysis.JpegStegoModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JpegStegoFitTest {
    private static final JpegStegoModel.Linear IDENTITY = new JpegStegoModel.Linear(new double[] {1}, 0);

    private static JpegStegoFit.Row clean(String split, String family, double logit) {
        return new JpegStegoFit.Row(split, family, "clean", 75, 256, 256, 0, 0, "x.jpg", new double[] {logit});
    }

    private static double[][] features(List<JpegStegoFit.Row> rows) {
        return rows.stream().map(JpegStegoFit.Row::f).toArray(double[][]::new);
    }

    @Test
    void theThresholdSparesHalfAPercentOfALargeFamilyAndNothingOfASmallOne() {
        List<JpegStegoFit.Row> validation = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            validation.add(clean("validation", "large", i)); // logits 0..399: 0.5% of 400 spares the two highest
        }
        double large = JpegStegoFit.threshold(IDENTITY, validation, features(validation), 0.005);
        assertThat(large).isGreaterThan(397).isLessThan(397.001);

        for (int i = 0; i < 50; i++) {
            validation.add(clean("validation", "small", 350 + i)); // 50 images: no false positive to spare
        }
        double both = JpegStegoFit.threshold(IDENTITY, validation, features(validation), 0.005);
        assertThat(both).isGreaterThan(399).isLessThan(399.001);
    }

    /**
     * One feature, its own logit, threshold 5, triage bar 2 (features are clipped to ±8 standard deviations).
     */
    private static JpegStegoModel oneFeatureModel() {
        return new JpegStegoModel("test", Map.of(), List.of("x"), new double[] {0}, new double[] {1},
                Map.of("outguess", IDENTITY), Map.of("outguess", 5.0), List.of("outguess"), 0.005,
                Map.of("outguess", 2.0), new JpegStegoModel.Linear(new double[] {0}, 0));
    }

    private static List<JpegStegoFit.Row> holdout(int familySize, int falsePositivesInFamily, int others) {
        List<JpegStegoFit.Row> rows = new ArrayList<>();
        for (int i = 0; i < familySize; i++) {
            rows.add(clean("holdout", "sharpened", i < falsePositivesInFamily ? 6 : 0));
        }
        for (int i = 0; i < others; i++) {
            rows.add(clean("holdout", "camera", 0));
        }
        return rows;
    }

    @Test
    void aToolDecidesWhenEveryFamilyAndAllCleanImagesAreWithinTheBudget() {
        JpegStegoModel model = oneFeatureModel();
        // a family of 70 cannot show 0.5%: one false positive is tolerated there; 1 in 1,070 pooled is within
        assertThat(JpegStegoFit.withinTarget(model, holdout(70, 1, 1000), "outguess")).isTrue();
        assertThat(JpegStegoFit.withinTarget(model, holdout(70, 2, 1000), "outguess")).isFalse();
        // 0.5% of 800 is 4; a fifth is over the budget
        assertThat(JpegStegoFit.withinTarget(model, holdout(800, 4, 1000), "outguess")).isTrue();
        assertThat(JpegStegoFit.withinTarget(model, holdout(800, 5, 1000), "outguess")).isFalse();
        // one in 70 but only 70 clean images in all: 1.4% pooled is over the budget
        assertThat(JpegStegoFit.withinTarget(model, holdout(70, 1, 0), "outguess")).isFalse();
    }

    @Test
    void theTriageBarIsTheLogitNinetyPercentOfTheToolsValidationStegoReachAndTheModelAppliesIt() {
        List<JpegStegoFit.Row> validation = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            validation.add(new JpegStegoFit.Row("validation", "cover", "outguess", 75, 256, 256, 160, 0.1, "x.jpg",
                    new double[] {i}));
            validation.add(clean("validation", "camera", 1000)); // clean images do not move the bar
        }
        double bar = JpegStegoFit.triageBar(IDENTITY, validation, features(validation), "outguess");
        assertThat(bar).isEqualTo(10.0); // logits 0..99: ten of them are under 10

        JpegStegoModel model = oneFeatureModel(); // bar 2
        assertThat(model.suspicious("outguess", new double[] {3})).isTrue();
        assertThat(model.suspicious("outguess", new double[] {1})).isFalse();
        assertThat(model.classify(new double[] {3}).stego()).as("under the operating point of 5").isFalse();
    }

    @Test
    void theOutguessDetectorReadsItsFewFeaturesAndTheOthersReadAll() {
        boolean[] outguess = JpegStegoFit.featuresOf("outguess");
        boolean[] steghide = JpegStegoFit.featuresOf("steghide");
        int names = dev.starlight.core.analysis.JpegStegoFeatures.NAMES.size();
        int flip = dev.starlight.core.analysis.JpegStegoFeatures.NAMES.indexOf("flip.diff");
        int markov = dev.starlight.core.analysis.JpegStegoFeatures.NAMES.indexOf("d.markov0.0");
        assertThat(outguess[flip]).isTrue();
        assertThat(outguess[markov]).isFalse();
        assertThat(steghide).hasSize(names).doesNotContain(false);
    }
}
