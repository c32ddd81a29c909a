package dev.starlight.trainer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.core.model.InputStreams;
import dev.starlight.testsupport.TinyTrainingSet;
import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.TrainingListener;
import dev.starlight.trainer.TrainingRun;
import dev.starlight.trainer.cli.CompareCommand;
import dev.starlight.trainer.data.TrainingSplit;
import dev.starlight.trainer.evaluation.RunFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The research reports and the comparison table, from two real tiny runs (with and without the triplet term). */
class ReportsTest {
    @TempDir
    static Path dir;
    static Path set;
    static RunFolder with;
    static RunFolder without;

    @BeforeAll
    static void trainTwice() throws Exception {
        set = TinyTrainingSet.make(dir, 16, 64);
        TrainingConfig tiny = TrainingConfig.tiny(set, dir.resolve("with"));
        TrainingRun.run(tiny, TrainingListener.NONE, "tiny with");
        TrainingRun.run(tiny.withTriplet(false).withOut(dir.resolve("without")), TrainingListener.NONE, "tiny without");
        with = RunFolder.read(dir.resolve("with"));
        without = RunFolder.read(dir.resolve("without"));
    }

    @Test
    void streamAblationHasAColumnPerStreamAndARowPerGroup() throws Exception {
        String report = StreamAblationReport.markdown(with,
                TrainingSplit.images(set.resolve(TrainingSetGenerator.HOLDOUT)), "holdout", "test command");
        for (String s : InputStreams.SHORTCUT_FREE) {
            assertThat(report).contains("without " + s);
        }
        assertThat(report).contains(with.metrics().version()).contains("test command").contains("| all |")
                .contains("Mean gate value");
    }

    @Test
    void tripletReportComparesBothRunsAndStatesAVerdict() throws Exception {
        String report = TripletReport.markdown(with, without, set, "test command");
        assertThat(report).contains(with.metrics().version()).contains(without.metrics().version())
                .contains("1-NN accuracy").containsPattern("triplet term (stays|does not help)");
        assertThat(with.trainingConfig().triplet()).isTrue();
        assertThat(without.trainingConfig().triplet()).isFalse();
    }

    @Test
    void compareTableHasAColumnPerModel() {
        String table = CompareCommand.table(List.of(with, without));
        assertThat(table.lines().findFirst().orElseThrow()).contains(with.metrics().version())
                .contains(without.metrics().version());
        assertThat(table).contains("| triplet term | on | off |");
    }
}
