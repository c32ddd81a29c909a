package dev.starlight.trainer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.lab.evaluation.EvalReport;
import dev.starlight.lab.evaluation.EvalReport.CleanRow;
import dev.starlight.lab.evaluation.EvalReport.StegoRow;
import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.core.events.TrainingProgressEvent;
import dev.starlight.trainer.TrainingProgress;
import dev.starlight.trainer.evaluation.ModelMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationEventsTest {

    private static StegoRow stego(String group, String format, int images, double detectionRate, double auc) {
        return new StegoRow(group, format, images, (int) Math.round(images * detectionRate), detectionRate, auc,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
    }

    private static ModelMetrics metrics(List<CleanRow> clean, List<StegoRow> stego) {
        return metrics(clean, stego, 12.5);
    }

    private static ModelMetrics metrics(List<CleanRow> clean, List<StegoRow> stego, double p95LatencyMs) {
        EvalReport withModel = new EvalReport("m-1", 77, 2.0, 38.5, 2, clean, stego, List.of());
        EvalReport statisticsOnly = new EvalReport("rules", 77, 2.0, 38.5, 2, List.of(), List.of(), List.of());
        return new ModelMetrics("m", "1", "abc",
                new ModelMetrics.Training(10, 40, 3, 1.5, 26.7, 0.4, 0.1, 0.02, 0.6, 1e-7), Map.of(), p95LatencyMs,
                withModel, statisticsOnly);
    }

    @Test
    void fprComesFromCoverRowsAndRatesFromEachGroupsAllRow() {
        ModelMetrics m = metrics(List.of(
                        new CleanRow("clean", "png", 10, 1, 0.1, 0), new CleanRow("clean", "gif", 5, 0, 0.0, 0),
                        new CleanRow("clean", "all", 15, 1, 1 / 15.0, 0),
                        new CleanRow("alpha-opaque", "png", 4, 2, 0.5, 0),
                        new CleanRow("alpha-opaque", "all", 4, 2, 0.5, 0)),
                List.of(stego("lsb.rgb", "png", 20, 0.8, 0.9), stego("lsb.rgb", "all", 20, 0.8, 0.9),
                        stego("palette", "gif", 6, 0.5, 0.5), stego("palette", "all", 6, 0.5, 0.5),
                        stego("odd", "webp", 2, 0.0, Double.NaN), stego("odd", "all", 2, 0.0, Double.NaN)));

        ModelEvaluationEvent e = EvaluationEvents.of(m, 1234L);

        assertThat(e.type()).isEqualTo("model.evaluation");
        assertThat(e.model()).isEqualTo("m");
        assertThat(e.version()).isEqualTo("1");
        assertThat(e.timestamp()).isEqualTo(1234L);
        assertThat(e.dataSha256()).isEqualTo("abc");
        assertThat(e.images()).isEqualTo(77);
        assertThat(e.fprByFormat()).containsExactlyInAnyOrderEntriesOf(Map.of("png", 0.1, "gif", 0.0, "all", 1 / 15.0));
        assertThat(e.tprByGroup()).containsExactlyInAnyOrderEntriesOf(Map.of("lsb.rgb", 0.8, "palette", 0.5, "odd", 0.0));
        assertThat(e.aucByGroup()).containsExactlyInAnyOrderEntriesOf(Map.of("lsb.rgb", 0.9, "palette", 0.5));
        // pairs: 20 png stego × 10 png covers at 0.9, 6 gif stego × 5 gif covers at 0.5; not the group mean 0.7
        assertThat(e.auc()).isCloseTo((200 * 0.9 + 30 * 0.5) / 230, within(1e-12));
        assertThat(e.p95LatencyMs()).isEqualTo(12.5);
    }

    @Test
    void withoutCoversEveryCleanImageOfTheFormatCountsAsTheEvaluatorDoes() {
        ModelMetrics m = metrics(List.of(
                        new CleanRow("alpha-opaque", "png", 4, 0, 0.0, 0),
                        new CleanRow("trailer", "png", 6, 0, 0.0, 0), new CleanRow("trailer", "jpeg", 2, 0, 0.0, 0)),
                List.of(stego("lsb.rgb", "png", 5, 1.0, 0.6), stego("exif", "jpeg", 5, 1.0, 1.0)));

        ModelEvaluationEvent e = EvaluationEvents.of(m, 0L);

        assertThat(e.fprByFormat()).isEmpty();
        assertThat(e.auc()).isCloseTo((50 * 0.6 + 10 * 1.0) / 60, within(1e-12));
    }

    @Test
    void anUnknownLatencyIsZero() {
        ModelMetrics m = metrics(List.of(), List.of(), Double.NaN);

        assertThat(EvaluationEvents.of(m, 0L).p95LatencyMs()).isZero();
    }

    @Test
    void aucIsNaNWithoutAnyPair() {
        ModelMetrics m = metrics(List.of(), List.of(stego("lsb.rgb", "png", 5, 1.0, Double.NaN)));

        assertThat(EvaluationEvents.of(m, 0L).auc()).isNaN();
    }

    @Test
    void progressBeforeTheFirstStepHasNoLoss() {
        TrainingProgressEvent e = ProgressEvents.of("r1", "m", TrainingProgress.of(TrainingProgress.Phase.LOADING,
                "reading"), 5L);

        assertThat(e).isEqualTo(new TrainingProgressEvent("training.progress", "r1", "m", "LOADING", 0, 0, null, 0.0,
                "reading", 5L));
    }
}
