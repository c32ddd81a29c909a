package dev.starlight.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The loss terms, written with NDArray operations so autograd differentiates them. */
final class Losses {
    private Losses() {
    }

    /** Mean binary cross-entropy of logits {@code x} [B,1] against 0/1 targets, in the numerically stable form. */
    static NDArray binaryCrossEntropy(NDArray x, float[] targets) {
        NDArray logits = x.reshape(-1);
        NDArray y = x.getManager().create(targets);
        return logits.maximum(0f).sub(logits.mul(y)).add(logits.abs().neg().exp().add(1f).log()).mean();
    }

    /**
     * Mean cross-entropy of {@code logits} [B,K] over the rows whose class is ≥ 0 (rows with -1 are left out);
     * 0 when no row has a class.
     */
    static NDArray maskedCrossEntropy(NDArray logits, int[] classes) {
        int b = classes.length;
        int k = (int) logits.getShape().get(1);
        float[] oneHot = new float[b * k];
        int count = 0;
        for (int i = 0; i < b; i++) {
            if (classes[i] >= 0) {
                oneHot[i * k + classes[i]] = 1f;
                count++;
            }
        }
        NDManager m = logits.getManager();
        NDArray picked = logits.logSoftmax(1).mul(m.create(oneHot, new Shape(b, k))).sum();
        return picked.neg().div(Math.max(1, count));
    }

    /**
     * Batch-hard triplet loss on unit-length embeddings {@code e} [B,E]: every stego tile is an anchor; its hardest
     * positive is the farthest tile of the same class (same method), its hardest negative the nearest tile of any
     * other class (clean or another method); loss = mean over anchors that have a positive of
     * {@code max(0, d(a,p) - d(a,n) + margin)}. 0 when no anchor has a positive.
     */
    static NDArray batchHardTriplet(NDArray e, int[] classes, float margin) {
        int b = classes.length;
        float[] same = new float[b * b];
        float[] positive = new float[b * b];
        float[] anchor = new float[b];
        int anchors = 0;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                if (classes[i] == classes[j]) {
                    same[i * b + j] = 1f;
                    if (i != j) {
                        positive[i * b + j] = 1f;
                        if (classes[i] > 0 && anchor[i] == 0f) {
                            anchor[i] = 1f;
                            anchors++;
                        }
                    }
                }
            }
        }
        NDManager m = e.getManager();
        if (anchors == 0) {
            return m.create(0f);
        }
        // squared distance of unit vectors: 2 - 2 cos; clamped before the square root keeps the gradient finite
        NDArray distance = e.matMul(e.transpose()).mul(-2f).add(2f).maximum(1e-12f).sqrt();
        NDArray hardestPositive = distance.mul(m.create(positive, new Shape(b, b))).max(new int[] {1});
        NDArray hardestNegative = distance.add(m.create(same, new Shape(b, b)).mul(4f)).min(new int[] {1});
        NDArray hinge = hardestPositive.sub(hardestNegative).add(margin).maximum(0f);
        return hinge.mul(m.create(anchor)).sum().div(anchors);
    }
}
