package dev.starlight.lab.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes a training set from a folder of clean covers: {@code train/}, {@code validation/} and {@code holdout/},
 * each laid out like an evaluation set ({@link EvalSetGenerator}: {@code clean/}, {@code clean-variants/<kind>/},
 * {@code stego/<group>/} with sidecars). Every cover lands in exactly one split, chosen from a hash of its bytes
 * ({@link CoverSplit}), so no cover and none of its stego is in two splits. Protocol messages vary in kind (text,
 * compressed, random bytes) and length (4 bytes up to the carrier's capacity); see {@link MessagePolicy#training}.
 */
public final class TrainingSetGenerator {
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String HOLDOUT = CoverSplit.Split.HOLDOUT.label();

    private final EvalSetGenerator generator;

    /**
     * @param validationShare fraction of all covers for the validation split (operating point, early checks)
     * @param holdoutShare    fraction of all covers held out for the final evaluation
     */
    public TrainingSetGenerator(long seed, double validationShare, double holdoutShare, List<byte[]> payloadTexts) {
        if (!(validationShare >= 0 && holdoutShare >= 0 && validationShare + holdoutShare < 1)) {
            throw new IllegalArgumentException("validation and holdout shares must be >= 0 and leave covers to train: "
                    + validationShare + " + " + holdoutShare);
        }
        CoverSplit holdout = new CoverSplit(seed, holdoutShare);
        // among the covers that are not held out, the share that makes validationShare of all covers
        CoverSplit validation = new CoverSplit(seed * 31 + 17, validationShare / (1 - holdoutShare));
        this.generator = new EvalSetGenerator(seed, cover -> {
            if (holdout.of(cover) == CoverSplit.Split.HOLDOUT) {
                return HOLDOUT;
            }
            return validation.of(cover) == CoverSplit.Split.HOLDOUT ? VALIDATION : TRAIN;
        }, MessagePolicy.training(payloadTexts));
    }

    /** Covers in {@code train} and {@code validation} are counted as {@code calibrationCovers}. */
    public EvalSetGenerator.Summary generate(Path coversDir, Path outDir) throws IOException {
        return generator.generate(coversDir, outDir);
    }
}
