package dev.starlight.trainer.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.model.InputStreams;
import dev.starlight.core.model.StreamSpec;
import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.data.MethodLabels;
import dev.starlight.trainer.data.TileSample;
import dev.starlight.trainer.export.ModelExport;
import dev.starlight.trainer.export.OnnxParity;
import dev.starlight.trainer.train.NetworkTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ONNX graph computes what the DJL network computes, for any stream subset and any stego shift. */
class ExportParityTest {

    @Test
    void allStreamsAgreeWithinTolerance() {
        assertThat(difference(InputStreams.NAMES, 0f)).isLessThanOrEqualTo(OnnxParity.TOLERANCE);
    }

    @Test
    void aSingleStreamAndAShiftedHeadAgreeToo() {
        assertThat(difference(List.of(InputStreams.LSB), 1.75f)).isLessThanOrEqualTo(OnnxParity.TOLERANCE);
        assertThat(difference(List.of(InputStreams.META, InputStreams.STATS), -0.5f))
                .isLessThanOrEqualTo(OnnxParity.TOLERANCE);
    }

    @Test
    void aWrongShiftIsCaught() {
        List<StreamSpec> specs = specs(List.of(InputStreams.PIXELS));
        MultiStreamNetwork net = new MultiStreamNetwork(specs, MethodLabels.ALL);
        TrainingConfig config = TrainingConfig.tiny(Path.of("."), Path.of("."));
        try (NetworkTrainer trainer = new NetworkTrainer(config, net)) {
            net.initialize(trainer.manager(), ai.djl.ndarray.types.DataType.FLOAT32, net.inputShapes(4));
            TileSample[] tiles = tiles(specs, 4);
            float[][] djl = trainer.predict(trainer.manager(), tiles);
            byte[] onnx = ModelExport.onnx(net, "t", "1", 16, 1f, "{}", java.util.Map.of());
            assertThat(OnnxParity.maxDifference(onnx, specs, tiles, djl, 0f)).isGreaterThan(0.9);
        }
    }

    private static double difference(List<String> streams, float shift) {
        List<StreamSpec> specs = specs(streams);
        MultiStreamNetwork net = new MultiStreamNetwork(specs, MethodLabels.ALL);
        TrainingConfig config = TrainingConfig.tiny(Path.of("."), Path.of("."));
        try (NetworkTrainer trainer = new NetworkTrainer(config, net)) {
            net.initialize(trainer.manager(), ai.djl.ndarray.types.DataType.FLOAT32, net.inputShapes(6));
            TileSample[] tiles = tiles(specs, 6);
            float[][] djl = trainer.predict(trainer.manager(), tiles);
            byte[] onnx = ModelExport.onnx(net, "t", "1", 16, shift, "{}", java.util.Map.of());
            return OnnxParity.maxDifference(onnx, specs, tiles, djl, shift);
        }
    }

    private static List<StreamSpec> specs(List<String> streams) {
        return streams.stream().map(s -> InputStreams.spec(s, 16).orElseThrow()).toList();
    }

    private static TileSample[] tiles(List<StreamSpec> specs, int n) {
        SplittableRandom r = new SplittableRandom(5);
        TileSample[] out = new TileSample[n];
        for (int i = 0; i < n; i++) {
            float[][] rows = new float[specs.size()][];
            for (int s = 0; s < specs.size(); s++) {
                rows[s] = new float[specs.get(s).rowSize()];
                for (int k = 0; k < rows[s].length; k++) {
                    rows[s][k] = (float) r.nextDouble();
                }
            }
            out[i] = new TileSample(rows, i % 2, i % 2 == 0 ? -1 : 2, -1, "g");
        }
        return out;
    }
}
