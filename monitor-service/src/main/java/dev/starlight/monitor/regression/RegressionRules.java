package dev.starlight.monitor.regression;

import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.monitor.config.MonitorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The regression rules, comparing a candidate's evaluation with the champion's on the same data: no format's FPR
 * may rise, no group's TPR may fall, the AUC may not drop and the p95 latency may not grow by more than the limits.
 */
public record RegressionRules(double maxFprRise, double maxTprDrop, double maxAucDrop, double maxP95LatencyGrowth) {

    public static RegressionRules of(MonitorConfig.Regression c) {
        return new RegressionRules(c.maxFprRise(), c.maxTprDrop(), c.maxAucDrop(), c.maxP95LatencyGrowth());
    }

    /** Null when comparable, else why not. */
    public static String incomparable(ModelEvaluationEvent champion, ModelEvaluationEvent candidate) {
        if (!champion.dataSha256().equals(candidate.dataSha256())) {
            return "evaluated on other data: " + candidate.dataSha256() + " vs champion's " + champion.dataSha256();
        }
        return null;
    }

    /** Every broken rule, one line each; empty when the candidate passes. */
    public List<String> broken(ModelEvaluationEvent champion, ModelEvaluationEvent candidate) {
        List<String> out = new ArrayList<>();
        for (String format : new TreeSet<>(champion.fprByFormat().keySet())) {
            double before = value(champion.fprByFormat(), format);
            Double after = candidate.fprByFormat().get(format);
            if (after == null || after.isNaN()) {
                out.add("fpr[" + format + "] missing from the candidate's evaluation");
            } else if (after - before > maxFprRise + 1e-12) {
                out.add(String.format(Locale.ROOT, "fpr[%s] rose %.4f -> %.4f (+%.4f > %.4f)", format, before, after,
                        after - before, maxFprRise));
            }
        }
        for (String group : new TreeSet<>(champion.tprByGroup().keySet())) {
            double before = value(champion.tprByGroup(), group);
            Double after = candidate.tprByGroup().get(group);
            if (after == null || after.isNaN()) {
                out.add("tpr[" + group + "] missing from the candidate's evaluation");
            } else if (before - after > maxTprDrop + 1e-12) {
                out.add(String.format(Locale.ROOT, "tpr[%s] fell %.4f -> %.4f (-%.4f > %.4f)", group, before, after,
                        before - after, maxTprDrop));
            }
        }
        if (Double.isNaN(candidate.auc()) || champion.auc() - candidate.auc() > maxAucDrop + 1e-12) {
            out.add(String.format(Locale.ROOT, "auc fell %.4f -> %.4f (-%.4f > %.4f)", champion.auc(),
                    candidate.auc(), champion.auc() - candidate.auc(), maxAucDrop));
        }
        double p95 = champion.p95LatencyMs();
        if (p95 > 0 && candidate.p95LatencyMs() > p95 * (1 + maxP95LatencyGrowth) + 1e-9) {
            out.add(String.format(Locale.ROOT, "p95 latency grew %.1f ms -> %.1f ms (+%.0f%% > %.0f%%)", p95,
                    candidate.p95LatencyMs(), 100 * (candidate.p95LatencyMs() / p95 - 1), 100 * maxP95LatencyGrowth));
        }
        return out;
    }

    private static double value(Map<String, Double> map, String key) {
        Double v = map.get(key);
        return v == null || v.isNaN() ? 0 : v;
    }
}
