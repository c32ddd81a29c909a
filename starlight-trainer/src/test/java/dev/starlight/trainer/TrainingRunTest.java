package dev.starlight.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.core.model.InputStreams;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelInfo;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.OnnxGraphWriter;
import dev.starlight.testsupport.TinyTrainingSet;
import dev.starlight.trainer.evaluation.RunFolder;
import dev.starlight.trainer.export.OnnxParity;
import dev.starlight.trainer.network.MultiStreamNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiny run end to end: generate → train → export → parity → evaluate → card, on a set made in code. */
class TrainingRunTest {
    @TempDir
    static Path dir;
    static TrainingResult result;
    static final List<TrainingProgress> progress = new ArrayList<>();

    @BeforeAll
    static void train() throws Exception {
        Path set = TinyTrainingSet.make(dir, 16, 64);
        result = TrainingRun.run(TrainingConfig.tiny(set, dir.resolve("run")), progress::add, "test tiny run");
    }

    @Test
    void writesTheModelItsEnvelopeMetricsAndCard() throws Exception {
        Path run = dir.resolve("run");
        assertThat(run.resolve("model.onnx")).isRegularFile();
        assertThat(run.resolve("metrics.json")).isRegularFile();
        ModelEnvelope envelope = ModelEnvelope.fromBytes(Files.readAllBytes(run.resolve("model.slme")));
        assertThat(envelope).isEqualTo(result.envelope());
        assertThat(envelope.onnx()).isEqualTo(Files.readAllBytes(result.onnxFile()));
        String card = Files.readString(result.cardFile());
        assertThat(card).contains(result.metrics().version()).contains("test tiny run").contains("Held-out results");
    }

    @Test
    void exportMatchesTheTrainedNetworkWithinTolerance() {
        assertThat(result.metrics().training().parity()).isLessThanOrEqualTo(OnnxParity.TOLERANCE);
    }

    @Test
    void exportedModelFollowsTheStreamContractAndCarriesProvenance() {
        try (OnnxModel model = OnnxModel.load(result.envelope().onnx())) {
            ModelInfo info = model.info();
            assertThat(info.inputs()).containsExactlyElementsOf(InputStreams.SHORTCUT_FREE);
            assertThat(info.tileSize()).isEqualTo(32);
            assertThat(info.outputs()).contains(ModelInfo.STEGO_LOGIT, ModelInfo.METHOD_LOGITS, ModelInfo.GATE,
                    MultiStreamNetwork.BIT_ORDER_LOGITS, MultiStreamNetwork.EMBEDDING_OUTPUT);
            assertThat(info.gateStreams()).containsExactlyElementsOf(InputStreams.SHORTCUT_FREE);
            assertThat(info.provenance()).contains(result.metrics().dataSha256()).contains("\"seed\":7")
                    .contains("djl").contains("\"triplet\":true");
        }
        byte[] onnx = result.envelope().onnx();
        var proto = parse(onnx);
        assertThat(proto.getIrVersion()).isLessThanOrEqualTo(13);
        assertThat(proto.getOpsetImport(0).getVersion()).isLessThanOrEqualTo(26).isEqualTo(OnnxGraphWriter.OPSET);
    }

    @Test
    void evaluatesOnTheHoldoutSplitWithAndWithoutTheModel() {
        var m = result.metrics();
        assertThat(m.withModel().images()).isPositive().isEqualTo(m.statisticsOnly().images());
        assertThat(m.withModel().scanner()).isEqualTo(m.version());
        assertThat(m.modelAuc()).isNotEmpty();
        assertThat(m.training().steps()).isPositive();
        assertThat(m.training().tiles()).isPositive();
    }

    @Test
    void reportsEveryPhaseInOrder() {
        List<TrainingProgress.Phase> phases = progress.stream().map(TrainingProgress::phase).distinct().toList();
        assertThat(phases).containsSubsequence(TrainingProgress.Phase.LOADING, TrainingProgress.Phase.TRAINING,
                TrainingProgress.Phase.CALIBRATING, TrainingProgress.Phase.EVALUATING, TrainingProgress.Phase.EXPORTING,
                TrainingProgress.Phase.DONE);
    }

    @Test
    void theRunFolderReloadsTheSameNetwork() throws Exception {
        RunFolder folder = RunFolder.read(dir.resolve("run"));
        assertThat(folder.metrics().version()).isEqualTo(result.metrics().version());
        assertThat(folder.trainingConfig().streams()).containsExactlyElementsOf(InputStreams.SHORTCUT_FREE);
        byte[] image = Files.readAllBytes(Files.list(dir.resolve("covers")).sorted().findFirst().orElseThrow());
        var decoded = dev.starlight.codecs.image.ImageCodecs.decode(image);
        try (var trainer = folder.loadNetwork(); OnnxModel onnx = OnnxModel.load(folder.onnx())) {
            var inputs = dev.starlight.core.model.ModelInputs.from(decoded, onnx.inputOptions());
            var tiles = new dev.starlight.trainer.data.TileSample[inputs.rows()];
            for (int k = 0; k < tiles.length; k++) {
                float[][] rows = new float[InputStreams.SHORTCUT_FREE.size()][];
                for (int s = 0; s < rows.length; s++) {
                    String name = InputStreams.SHORTCUT_FREE.get(s);
                    int size = inputs.spec(name).rowSize();
                    rows[s] = java.util.Arrays.copyOfRange(inputs.data(name), k * size, (k + 1) * size);
                }
                tiles[k] = new dev.starlight.trainer.data.TileSample(rows, 0, -1, -1, "clean");
            }
            float[] logits = trainer.predict(trainer.manager(), tiles)[0];
            double[] probabilities = onnx.predict(inputs).tileProbabilities();
            float threshold = (float) result.metrics().training().threshold();
            for (int k = 0; k < tiles.length; k++) {
                double p = 1 / (1 + Math.exp(-(logits[k] - threshold)));
                assertThat(probabilities[k]).isCloseTo(p, org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    @Test
    void theSetHasThreeSplits() {
        assertThat(dir.resolve("set").resolve(TrainingSetGenerator.TRAIN)).isDirectory();
    }

    private static ai.onnx.proto.OnnxMl.ModelProto parse(byte[] onnx) {
        try {
            return ai.onnx.proto.OnnxMl.ModelProto.parseFrom(onnx);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
