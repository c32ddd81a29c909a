package dev.starlight.trainer.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.starlight.core.model.StreamSpec;
import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.TrainingListener;
import dev.starlight.trainer.TrainingProgress;
import dev.starlight.trainer.data.TileSample;
import dev.starlight.trainer.data.TrainingSplit;
import dev.starlight.trainer.network.MultiStreamNetwork;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link MultiStreamNetwork} on the tiles of a training split with Adam. Every batch is half clean tiles and
 * half stego tiles drawn with a seeded generator, so the classes stay balanced whatever the set's proportions.
 * Loss = stego BCE + 0.5 · method CE (stego tiles) + 0.25 · bit-order CE (tiles with a bit order) + w · batch-hard
 * triplet on the embedding (when the config has the triplet term).
 */
public final class NetworkTrainer implements AutoCloseable {
    static final float METHOD_WEIGHT = 0.5f;
    static final float BIT_ORDER_WEIGHT = 0.25f;
    /** The DJL weights in a run folder. */
    public static final String PARAMETERS_FILE = "network.params";

    private final TrainingConfig config;
    private final MultiStreamNetwork network;
    private final Model model;

    /** What training did. */
    public record Summary(int steps, double seconds, double tilesPerSecond, double finalLoss) {
    }

    public NetworkTrainer(TrainingConfig config, MultiStreamNetwork network) {
        this.config = config;
        this.network = network;
        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        this.model = Model.newInstance(config.name(), Device.cpu(), "PyTorch");
        model.setBlock(network);
    }

    /** The manager that owns the network's parameters (for inference after training). */
    public NDManager manager() {
        return model.getNDManager();
    }

    public Summary train(TrainingSplit split, TrainingListener listener) {
        if (split.clean().isEmpty() || split.stego().isEmpty()) {
            throw new IllegalArgumentException("training needs clean and stego tiles; got " + split.clean().size()
                    + " clean and " + split.stego().size() + " stego");
        }
        DefaultTrainingConfig djl = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                        .build())
                .optDevices(new Device[] {Device.cpu()});
        int batch = config.batchSize();
        int stepsPerEpoch = Math.max(1, (split.tiles() + batch - 1) / batch);
        int total = stepsPerEpoch * config.epochs();
        SplittableRandom random = new SplittableRandom(config.seed());
        long start = System.nanoTime();
        double epochLoss = Double.NaN;
        try (Trainer trainer = model.newTrainer(djl)) {
            trainer.initialize(network.inputShapes(batch));
            int step = 0;
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                double sum = 0;
                for (int s = 0; s < stepsPerEpoch; s++) {
                    sum += step(trainer, draw(split, batch, random));
                    step++;
                    if (step % 10 == 0 || step == total) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        listener.progress(new TrainingProgress(TrainingProgress.Phase.TRAINING, step, total,
                                sum / (s + 1), step * (double) batch / seconds,
                                String.format(java.util.Locale.ROOT, "epoch %d/%d, step %d/%d",
                                        epoch + 1, config.epochs(), step, total)));
                    }
                }
                epochLoss = sum / stepsPerEpoch;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Summary(total, seconds, total * (double) batch / seconds, epochLoss);
        }
    }

    private static TileSample[] draw(TrainingSplit split, int batch, SplittableRandom random) {
        TileSample[] out = new TileSample[batch];
        for (int i = 0; i < batch; i++) {
            List<TileSample> pool = i % 2 == 0 ? split.clean() : split.stego();
            out[i] = pool.get(random.nextInt(pool.size()));
        }
        return out;
    }

    private double step(Trainer trainer, TileSample[] samples) {
        try (NDManager m = trainer.getManager().newSubManager();
             GradientCollector collector = trainer.newGradientCollector()) {
            NDList outputs = trainer.forward(inputs(m, network.streams(), samples));
            NDArray loss = loss(outputs, samples);
            collector.backward(loss);
            double value = loss.getFloat();
            trainer.step();
            return value;
        }
    }

    NDArray loss(NDList outputs, TileSample[] samples) {
        int b = samples.length;
        float[] stego = new float[b];
        int[] method = new int[b];
        int[] bitOrder = new int[b];
        int[] classes = new int[b];
        for (int i = 0; i < b; i++) {
            stego[i] = samples[i].stego();
            method[i] = samples[i].stego() == 1 ? samples[i].method() : -1;
            bitOrder[i] = samples[i].bitOrder();
            classes[i] = samples[i].tripletClass();
        }
        NDArray loss = Losses.binaryCrossEntropy(outputs.get(0), stego)
                .add(Losses.maskedCrossEntropy(outputs.get(1), method).mul(METHOD_WEIGHT))
                .add(Losses.maskedCrossEntropy(outputs.get(2), bitOrder).mul(BIT_ORDER_WEIGHT));
        if (config.triplet()) {
            loss = loss.add(Losses.batchHardTriplet(outputs.get(3), classes, (float) config.tripletMargin())
                    .mul((float) config.tripletWeight()));
        }
        return loss;
    }

    /** The network's inputs for a batch of tiles, one array per stream. */
    public static NDList inputs(NDManager m, List<StreamSpec> streams, TileSample[] samples) {
        NDList list = new NDList();
        for (int s = 0; s < streams.size(); s++) {
            int size = streams.get(s).rowSize();
            float[] data = new float[samples.length * size];
            for (int i = 0; i < samples.length; i++) {
                System.arraycopy(samples[i].streams()[s], 0, data, i * size, size);
            }
            list.add(m.create(data, new Shape(streams.get(s).shape(samples.length))));
        }
        return list;
    }

    /** Inference-mode outputs (batch norm on running statistics) for a batch of tiles. */
    public float[][] predict(NDManager m, TileSample[] samples) {
        NDList out = network.forward(new ai.djl.training.ParameterStore(m, false),
                inputs(m, network.streams(), samples), false);
        float[][] result = new float[out.size()][];
        for (int i = 0; i < out.size(); i++) {
            result[i] = out.get(i).toFloatArray();
        }
        return result;
    }

    /** Writes the network's weights (DJL's parameter format). */
    public void saveParameters(java.nio.file.Path file) throws java.io.IOException {
        try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file)))) {
            network.saveParameters(out);
        }
    }

    /**
     * Loads weights written by {@link #saveParameters} into this trainer's (uninitialised) network, for inference
     * and gradients with respect to the inputs.
     */
    public void loadParameters(java.nio.file.Path file) throws java.io.IOException {
        try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file)))) {
            network.loadParameters(model.getNDManager(), in);
        } catch (ai.djl.MalformedModelException e) {
            throw new java.io.IOException("not the weights of this network: " + file + ": " + e.getMessage(), e);
        }
    }

    public MultiStreamNetwork network() {
        return network;
    }

    @Override
    public void close() {
        model.close();
    }
}
