package dev.starlight.trainer.report;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.starlight.core.model.InputStreams;
import dev.starlight.core.model.StreamSpec;
import dev.starlight.trainer.data.TileSample;
import dev.starlight.trainer.network.MultiStreamNetwork;
import dev.starlight.trainer.train.NetworkTrainer;
import java.util.Arrays;
import java.util.List;

/**
 * White-box gradient attacks on the trained network's stego logit, with respect to its inputs (DJL autograd, the
 * network in inference mode: batch norm on running statistics, so tiles in a batch do not interact).
 *
 * <p>Only the image-shaped float inputs an attacker controls directly are perturbed: every element of
 * {@code pixels}, and channel 0 of {@code alpha} (alpha scaled to 0..1) on tiles of images that have alpha.
 * {@code lsb}, alpha channel 1 ({@code alpha & 1}) and the vector streams ({@code palette}, {@code meta},
 * {@code stats}) keep the values computed from the clean image.
 *
 * <p>Objective per tile: the stego logit times {@link #direction}: −1 for stego tiles (the sender wants the logit
 * down: evasion), +1 for clean tiles (an attacker wants it up: a false alarm). FGSM takes one step of ε along the
 * sign of the objective's gradient; PGD takes {@value #PGD_STEPS} steps of ε/4 from the clean input (no random
 * start), each followed by projection onto the L∞ ball of radius ε around the clean input and onto [0, 1]. Both
 * clip to [0, 1]. PGD keeps, per tile, the iterate with the best objective (a standard choice that makes it never
 * worse than its own first steps).
 */
public final class GradientAttack {
    public static final int PGD_STEPS = 10;
    /** Tiles per forward/backward pass. */
    static final int BATCH = 32;
    /** Index of the has-alpha flag in the {@code stats} row (see TileStatistics). */
    private static final int STATS_HAS_ALPHA = 12;

    /** The two attacks. */
    public enum Kind {
        FGSM, PGD;

        public String label() {
            return name();
        }
    }

    /**
     * One attack on a set of tiles.
     *
     * @param tiles  the adversarial tiles (same labels and groups as the input)
     * @param before the stego logit of each clean input (DJL, not shifted by the operating point)
     * @param after  the stego logit of each adversarial tile
     */
    public record Outcome(TileSample[] tiles, float[] before, float[] after) {
    }

    private final NetworkTrainer trainer;
    private final MultiStreamNetwork network;
    private final List<StreamSpec> streams;
    private final int pixels;
    private final int alpha;
    private final int stats;

    public GradientAttack(NetworkTrainer trainer) {
        this.trainer = trainer;
        this.network = trainer.network();
        this.streams = network.streams();
        List<String> names = streams.stream().map(StreamSpec::name).toList();
        this.pixels = names.indexOf(InputStreams.PIXELS);
        this.alpha = names.indexOf(InputStreams.ALPHA);
        this.stats = names.indexOf(InputStreams.STATS);
    }

    /** The streams the attacks change, for the report. */
    public List<String> attackedStreams() {
        return streams.stream().map(StreamSpec::name)
                .filter(n -> n.equals(InputStreams.PIXELS) || n.equals(InputStreams.ALPHA)).toList();
    }

    /** −1 for stego tiles (evasion), +1 for clean tiles (false alarm). */
    public static float direction(TileSample tile) {
        return tile.stego() == 1 ? -1f : 1f;
    }

    /** The stego logit of every tile (inference mode). */
    public float[] logits(TileSample[] tiles) {
        float[] out = new float[tiles.length];
        for (int from = 0; from < tiles.length; from += BATCH) {
            TileSample[] batch = Arrays.copyOfRange(tiles, from, Math.min(tiles.length, from + BATCH));
            float[] l = trainer.predict(trainer.manager(), batch)[0];
            System.arraycopy(l, 0, out, from, l.length);
        }
        return out;
    }

    public Outcome run(Kind kind, TileSample[] tiles, float epsilon) {
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon must be >= 0: " + epsilon);
        }
        TileSample[] out = new TileSample[tiles.length];
        float[] before = new float[tiles.length];
        float[] after = new float[tiles.length];
        for (int from = 0; from < tiles.length; from += BATCH) {
            TileSample[] batch = Arrays.copyOfRange(tiles, from, Math.min(tiles.length, from + BATCH));
            Outcome o = kind == Kind.FGSM ? fgsm(batch, epsilon) : pgd(batch, epsilon);
            System.arraycopy(o.tiles(), 0, out, from, batch.length);
            System.arraycopy(o.before(), 0, before, from, batch.length);
            System.arraycopy(o.after(), 0, after, from, batch.length);
        }
        return new Outcome(out, before, after);
    }

    private Outcome fgsm(TileSample[] clean, float epsilon) {
        Step g = gradient(clean);
        TileSample[] adv = new TileSample[clean.length];
        for (int i = 0; i < clean.length; i++) {
            adv[i] = step(clean[i], clean[i], g, i, epsilon, epsilon);
        }
        return new Outcome(adv, g.logits(), logits(adv));
    }

    private Outcome pgd(TileSample[] clean, float epsilon) {
        float alphaStep = epsilon / 4;
        TileSample[] x = clean.clone();
        TileSample[] best = clean.clone();
        float[] bestLogit = null;
        float[] before = null;
        for (int s = 0; s <= PGD_STEPS; s++) {
            Step g = gradient(x);
            if (before == null) {
                before = g.logits();
                bestLogit = before.clone();
            }
            for (int i = 0; i < x.length; i++) {
                float d = direction(clean[i]);
                if (d * g.logits()[i] > d * bestLogit[i]) {
                    bestLogit[i] = g.logits()[i];
                    best[i] = x[i];
                }
            }
            if (s == PGD_STEPS) {
                break;
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = step(x[i], clean[i], g, i, alphaStep, epsilon);
            }
        }
        return new Outcome(best, before, bestLogit);
    }

    /**
     * {@code x + size · sign(gradient)} on the attacked elements, projected onto the L∞ ball of radius
     * {@code epsilon} around {@code clean} and onto [0, 1]; every other element as in {@code clean}.
     */
    private TileSample step(TileSample x, TileSample clean, Step g, int i, float size, float epsilon) {
        float[][] rows = clean.streams().clone();
        for (int s = 0; s < rows.length; s++) {
            int limit = attackedLength(s, clean);
            if (limit == 0) {
                continue;
            }
            float[] c = clean.streams()[s];
            float[] cur = x.streams()[s];
            float[] grad = g.gradients()[s];
            int offset = i * c.length;
            float[] next = c.clone();
            for (int k = 0; k < limit; k++) {
                float v = cur[k] + size * Math.signum(grad[offset + k]);
                v = Math.min(c[k] + epsilon, Math.max(c[k] - epsilon, v));
                next[k] = Math.min(1f, Math.max(0f, v));
            }
            rows[s] = next;
        }
        return new TileSample(rows, clean.stego(), clean.method(), clean.bitOrder(), clean.group());
    }

    /**
     * How many leading elements of stream {@code s}'s row are attacked: all of {@code pixels}; channel 0 of
     * {@code alpha} when the tile's image has alpha; none otherwise.
     */
    int attackedLength(int s, TileSample tile) {
        if (s == pixels) {
            return tile.streams()[s].length;
        }
        if (s == alpha && hasAlpha(tile)) {
            return tile.streams()[s].length / 2;
        }
        return 0;
    }

    private boolean hasAlpha(TileSample tile) {
        if (stats >= 0) {
            return tile.streams()[stats][STATS_HAS_ALPHA] >= 0.5f;
        }
        float[] a = tile.streams()[alpha];
        for (int k = 0; k < a.length / 2; k++) {
            if (a[k] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Logits and gradients of the attack objective, per stream (null for streams not attacked). */
    record Step(float[] logits, float[][] gradients) {
    }

    /** The stego logits of a batch and the gradient of {@code sum(direction · logit)} with respect to the inputs. */
    Step gradient(TileSample[] batch) {
        float[] dir = new float[batch.length];
        for (int i = 0; i < batch.length; i++) {
            dir[i] = direction(batch[i]);
        }
        if (pixels < 0 && alpha < 0) {
            return new Step(logits(batch), new float[streams.size()][]); // nothing an attacker changes directly
        }
        try (NDManager m = trainer.manager().newSubManager();
             GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDList inputs = NetworkTrainer.inputs(m, streams, batch);
            for (int s : new int[] {pixels, alpha}) {
                if (s >= 0) {
                    inputs.get(s).setRequiresGradient(true);
                }
            }
            NDList out = network.forward(new ParameterStore(m, false), inputs, false);
            NDArray logit = out.get(0).reshape(-1);
            collector.backward(logit.mul(m.create(dir)).sum());
            float[][] gradients = new float[streams.size()][];
            for (int s : new int[] {pixels, alpha}) {
                if (s >= 0) {
                    gradients[s] = inputs.get(s).getGradient().toFloatArray();
                }
            }
            return new Step(logit.toFloatArray(), gradients);
        }
    }
}
