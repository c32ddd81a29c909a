package dev.starlight.core.analysis.fusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits {@link FusionModel}: per group, an L2-regularised logistic regression on standardised features (Newton's
 * method; classes weighted to equal total weight so a set with many stego files does not buy recall with false
 * positives), then the threshold that lets at most {@code targetFpr} of each clean family's images
 * of the group through ({@link Example#family}).
 *
 * <p>Unseen covers reach further into the tail than the few dozen clean images a group has, so the threshold is
 * raised above the highest clean image it must reject by a margin learned from the data: the larger of two
 * standard deviations of the clean logits and the most that one of {@value #FOLDS} folds of them reached past the
 * highest of the other folds (how far "one more chunk of covers" went beyond what was seen, as NannyML sets alert
 * bounds from reference chunks), plus {@code extraMargin} logit units.
 */
public final class FusionTrainer {

    /**
     * One training example.
     *
     * @param family for a clean image, the family it belongs to (a clean zoo family such as {@code sharpened-png},
     *               or {@code clean}): the threshold keeps the false-positive budget in every family, not only
     *               on average, so a rare kind of ordinary image cannot spend the whole budget
     */
    public record Example(String group, String family, Map<String, Double> features, boolean stego) {
        /** An example whose clean images form one family. */
        public Example(String group, Map<String, Double> features, boolean stego) {
            this(group, "", features, stego);
        }
    }

    static final int FOLDS = 5;
    /** Smallest standardisation scale: features are rates and scores in 0..1, where 0.01 is a small difference. */
    static final double MIN_SCALE = 0.01;

    private final double l2;
    private final double targetFpr;
    private final double extraMargin;
    private final Map<String, List<String>> features;

    /** @param features the features each group's regression reads; groups not named here are not fitted */
    public FusionTrainer(double l2, double targetFpr, double extraMargin, Map<String, List<String>> features) {
        this.l2 = l2;
        this.targetFpr = targetFpr;
        this.extraMargin = extraMargin;
        this.features = Map.copyOf(features);
    }

    public Map<String, FusionModel.GroupModel> fit(List<Example> examples) {
        Map<String, List<Example>> byGroup = new TreeMap<>();
        for (Example e : examples) {
            byGroup.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
        }
        Map<String, FusionModel.GroupModel> out = new TreeMap<>();
        byGroup.forEach((group, list) -> {
            boolean bothClasses = list.stream().anyMatch(Example::stego) && list.stream().anyMatch(e -> !e.stego());
            if (bothClasses && features.containsKey(group)) {
                out.put(group, fitGroup(list, features.get(group)));
            }
        });
        return out;
    }

    FusionModel.GroupModel fitGroup(List<Example> list, List<String> names) {
        int n = list.size();
        int d = names.size();
        double[][] x = new double[n][d];
        double[] y = new double[n];
        double[] w = new double[n];
        int positives = (int) list.stream().filter(Example::stego).count();
        for (int i = 0; i < n; i++) {
            Example e = list.get(i);
            for (int j = 0; j < d; j++) {
                x[i][j] = e.features().getOrDefault(names.get(j), 0.0);
            }
            y[i] = e.stego() ? 1 : 0;
            w[i] = e.stego() ? 0.5 * n / positives : 0.5 * n / (n - positives);
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (double[] row : x) {
                s += row[j];
            }
            mean[j] = s / n;
            double v = 0;
            for (double[] row : x) {
                v += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            // a floor, so a feature that barely varies cannot turn a tiny deviation into a large logit
            scale[j] = Math.max(Math.sqrt(v / n), MIN_SCALE);
            for (double[] row : x) {
                row[j] = (row[j] - mean[j]) / scale[j];
            }
        }
        double[] beta = newton(x, y, w);
        double[] weights = Arrays.copyOf(beta, d);
        double bias = beta[d];
        double[] cleanLogits = new double[n - positives];
        Map<String, List<Double>> byFamily = new TreeMap<>();
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] == 0) {
                double z = bias;
                for (int j = 0; j < d; j++) {
                    z += weights[j] * x[i][j];
                }
                cleanLogits[k++] = z;
                byFamily.computeIfAbsent(list.get(i).family(), f -> new ArrayList<>()).add(z);
            }
        }
        double threshold = threshold(cleanLogits, byFamily.values());
        return new FusionModel.GroupModel(names, mean, scale, weights, bias, threshold, targetFpr);
    }

    /**
     * Per group, where one probability (a served model's) is stego: the same rule as the regression's threshold, on
     * the probability's logit (the boundary of the clean family with the heaviest tail, raised by the margin learned
     * from the group's clean images), and never under {@link FusionModel#DEFAULT_MODEL_THRESHOLD}.
     */
    public Map<String, Double> operatingPoints(List<Example> examples, String feature) {
        Map<String, Map<String, List<Double>>> byGroup = new TreeMap<>();
        for (Example e : examples) {
            if (!e.stego() && e.features().containsKey(feature)) {
                double p = Math.min(Math.max(e.features().get(feature), 1e-9), 1 - 1e-9);
                byGroup.computeIfAbsent(e.group(), g -> new TreeMap<>())
                        .computeIfAbsent(e.family(), f -> new ArrayList<>()).add(Math.log(p / (1 - p)));
            }
        }
        Map<String, Double> out = new TreeMap<>();
        byGroup.forEach((group, families) -> {
            double[] all = families.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
            out.put(group, Math.max(FusionModel.DEFAULT_MODEL_THRESHOLD, threshold(all, families.values())));
        });
        return out;
    }

    /**
     * The probability threshold for these clean logits (all of them, and the same split by family): the family
     * boundary ({@link #boundary}) raised by the margin learned from all of them.
     */
    private double threshold(double[] cleanLogits, Collection<List<Double>> families) {
        double margin = Math.max(foldMargin(cleanLogits), 2 * standardDeviation(cleanLogits)) + extraMargin;
        return FusionModel.sigmoid(boundary(families, targetFpr) + margin);
    }

    /**
     * The lowest clean logit at which no family has more than {@code targetFpr} of its images at or above it
     * (beyond the allowed ones, the highest logit of the family with the heaviest tail).
     */
    static double boundary(Collection<List<Double>> families, double targetFpr) {
        double boundary = Double.NEGATIVE_INFINITY;
        for (List<Double> family : families) {
            double[] logits = family.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int allowed = (int) Math.floor(targetFpr * logits.length);
            boundary = Math.max(boundary, logits[logits.length - 1 - Math.min(allowed, logits.length - 1)]);
        }
        return boundary;
    }

    static double standardDeviation(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt(var / values.length);
    }

    /** How far the highest logit of one fold (images dealt round-robin) reached past the highest of the others. */
    static double foldMargin(double[] cleanLogits) {
        if (cleanLogits.length < FOLDS) {
            return 0;
        }
        double[] foldMax = new double[FOLDS];
        Arrays.fill(foldMax, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < cleanLogits.length; i++) {
            foldMax[i % FOLDS] = Math.max(foldMax[i % FOLDS], cleanLogits[i]);
        }
        double margin = 0;
        for (int f = 0; f < FOLDS; f++) {
            double others = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < FOLDS; g++) {
                if (g != f) {
                    others = Math.max(others, foldMax[g]);
                }
            }
            margin = Math.max(margin, foldMax[f] - others);
        }
        return margin;
    }

    /** Weighted, ridge-penalised Newton–Raphson; the last coefficient is the (unpenalised) intercept. */
    private double[] newton(double[][] x, double[] y, double[] w) {
        int n = x.length;
        int d = x[0].length + 1;
        double[] beta = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (int i = 0; i < n; i++) {
                double z = beta[d - 1];
                for (int j = 0; j < d - 1; j++) {
                    z += beta[j] * x[i][j];
                }
                double p = FusionModel.sigmoid(z);
                double r = w[i] * (p - y[i]);
                double h = w[i] * p * (1 - p);
                for (int a = 0; a < d; a++) {
                    double xa = a == d - 1 ? 1 : x[i][a];
                    grad[a] += r * xa;
                    for (int b = 0; b <= a; b++) {
                        double xb = b == d - 1 ? 1 : x[i][b];
                        hess[a][b] += h * xa * xb;
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    hess[b][a] = hess[a][b];
                }
                if (a < d - 1) {
                    grad[a] += l2 * n * beta[a];
                    hess[a][a] += l2 * n;
                } else {
                    hess[a][a] += 1e-9;
                }
            }
            double[] step = solve(hess, grad);
            double size = 0;
            for (int a = 0; a < d; a++) {
                beta[a] -= step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-8) {
                break;
            }
        }
        return beta;
    }

    /** Gaussian elimination with partial pivoting; the matrix is positive definite by construction. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double p = m[col][col];
            if (Math.abs(p) < 1e-300) {
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / p;
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * out[c];
            }
            out[r] = Math.abs(m[r][r]) < 1e-300 ? 0 : s / m[r][r];
        }
        return out;
    }
}
