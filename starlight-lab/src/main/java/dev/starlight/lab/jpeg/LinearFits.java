package dev.starlight.lab.jpeg;

import dev.starlight.core.analysis.JpegStegoModel;

/**
 * The two fits the JPEG classifier needs, on standardised features: an L2-penalised logistic regression with
 * sample weights (Newton's method, iteratively reweighted least squares) and a ridge regression. The intercept is
 * not penalised.
 */
final class LinearFits {
    private LinearFits() {
    }

    static JpegStegoModel.Linear logistic(double[][] x, int[] y, double[] weight, double lambda) {
        int d = x[0].length + 1;
        double[] beta = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[][] h = new double[d][d];
            double[] g = new double[d];
            for (int i = 0; i < x.length; i++) {
                double z = beta[d - 1];
                for (int j = 0; j < d - 1; j++) {
                    z += beta[j] * x[i][j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double r = weight[i] * (p - y[i]);
                double w = weight[i] * Math.max(p * (1 - p), 1e-9);
                accumulate(h, g, x[i], r, w);
            }
            for (int j = 0; j < d - 1; j++) {
                h[j][j] += lambda;
                g[j] += lambda * beta[j];
            }
            double[] step = solve(h, g);
            double most = 0;
            for (int j = 0; j < d; j++) {
                beta[j] -= step[j];
                most = Math.max(most, Math.abs(step[j]));
            }
            if (most < 1e-7) {
                break;
            }
        }
        return linear(beta);
    }

    static JpegStegoModel.Linear ridge(double[][] x, double[] y, double lambda) {
        int d = x[0].length + 1;
        double[][] h = new double[d][d];
        double[] g = new double[d];
        for (int i = 0; i < x.length; i++) {
            accumulate(h, g, x[i], -y[i], 1);
        }
        for (int j = 0; j < d - 1; j++) {
            h[j][j] += lambda;
        }
        double[] beta = solve(h, g);
        for (int j = 0; j < d; j++) {
            beta[j] = -beta[j];
        }
        return linear(beta);
    }

    /** h += w [x 1][x 1]^T, g += r [x 1]. */
    private static void accumulate(double[][] h, double[] g, double[] x, double r, double w) {
        int d = x.length;
        for (int a = 0; a <= d; a++) {
            double xa = a < d ? x[a] : 1;
            g[a] += r * xa;
            double wa = w * xa;
            for (int b = 0; b <= a; b++) {
                h[a][b] += wa * (b < d ? x[b] : 1);
            }
        }
        // h is filled below the diagonal; solve mirrors it
    }

    /** Solves h s = g for symmetric positive definite h (lower triangle given) by Cholesky. */
    static double[] solve(double[][] h, double[] g) {
        int d = g.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = h[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s, 1e-12));
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] out = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < d; k++) {
                s -= l[k][i] * out[k];
            }
            out[i] = s / l[i][i];
        }
        return out;
    }

    private static JpegStegoModel.Linear linear(double[] beta) {
        double[] w = new double[beta.length - 1];
        System.arraycopy(beta, 0, w, 0, w.length);
        return new JpegStegoModel.Linear(w, beta[beta.length - 1]);
    }
}
