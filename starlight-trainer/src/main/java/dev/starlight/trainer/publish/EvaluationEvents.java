package dev.starlight.trainer.publish;

import dev.starlight.lab.evaluation.EvalReport;
import dev.starlight.lab.evaluation.EvalSet;
import dev.starlight.lab.evaluation.Evaluator;
import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.trainer.evaluation.ModelMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link ModelEvaluationEvent} of a trained model, read off the held-out evaluation of the scanner with the
 * model ({@link ModelMetrics#withModel()}):
 * <ul>
 *   <li>{@code fprByFormat}: the false-positive rate of the {@code clean} cover rows, per format and {@code all};</li>
 *   <li>{@code tprByGroup}, {@code aucByGroup}: detection rate and AUC of each stego group's {@code all} row;</li>
 *   <li>{@code auc}: the AUC over every (stego image, clean cover) pair <b>of the same format</b>, which is what the
 *       evaluator's per-format rows rank. It is the pair-weighted mean of those rows' AUCs (weights: stego images ×
 *       clean covers of the format), exact, not a mean of group AUCs. Pairs across formats are not in it; NaN when
 *       there are no pairs;</li>
 *   <li>{@code p95LatencyMs}: {@link ModelMetrics#p95LatencyMs()} (decode + model inference per held-out image);
 *       0 when that is unknown (NaN: no image was timed), since JSON has no NaN.</li>
 * </ul>
 * NaN figures (a group with no clean images of its formats) are left out of the maps.
 */
public final class EvaluationEvents {
    private EvaluationEvents() {
    }

    /** The event for {@code metrics}, stamped with {@code timestampMs} (epoch milliseconds). */
    public static ModelEvaluationEvent of(ModelMetrics metrics, long timestampMs) {
        EvalReport report = metrics.withModel();
        Map<String, Double> fprByFormat = new TreeMap<>();
        for (EvalReport.CleanRow row : report.clean()) {
            if (EvalSet.CLEAN.equals(row.group())) {
                putFinite(fprByFormat, row.format(), row.fpr());
            }
        }
        Map<String, Double> tprByGroup = new TreeMap<>();
        Map<String, Double> aucByGroup = new TreeMap<>();
        for (EvalReport.StegoRow row : report.stego()) {
            if (Evaluator.ALL.equals(row.format())) {
                putFinite(tprByGroup, row.group(), row.detectionRate());
                putFinite(aucByGroup, row.group(), row.auc());
            }
        }
        return new ModelEvaluationEvent(ModelEvaluationEvent.TYPE, metrics.model(), metrics.version(), timestampMs,
                metrics.dataSha256(), report.images(), fprByFormat, tprByGroup, aucByGroup, sameFormatAuc(report),
                Double.isFinite(metrics.p95LatencyMs()) ? metrics.p95LatencyMs() : 0.0);
    }

    /**
     * Each per-format stego row's AUC is the fraction of its (stego, clean) pairs ranked right, over the clean
     * images the evaluator compared it with: the {@code clean} covers of that format, or every clean image of that
     * format when the set has no covers. Weighting each by its pair count gives the fraction over all such pairs.
     */
    static double sameFormatAuc(EvalReport report) {
        Map<String, Integer> cleanByFormat = cleanImagesByFormat(report.clean());
        double pairs = 0;
        double ranked = 0;
        for (EvalReport.StegoRow row : report.stego()) {
            if (Evaluator.ALL.equals(row.format()) || Double.isNaN(row.auc())) {
                continue;
            }
            double n = (double) row.images() * cleanByFormat.getOrDefault(row.format(), 0);
            pairs += n;
            ranked += n * row.auc();
        }
        return pairs > 0 ? ranked / pairs : Double.NaN;
    }

    private static Map<String, Integer> cleanImagesByFormat(List<EvalReport.CleanRow> rows) {
        boolean covers = rows.stream().anyMatch(r -> EvalSet.CLEAN.equals(r.group()));
        Map<String, Integer> out = new HashMap<>();
        for (EvalReport.CleanRow row : rows) {
            if (!Evaluator.ALL.equals(row.format()) && (!covers || EvalSet.CLEAN.equals(row.group()))) {
                out.merge(row.format(), row.images(), Integer::sum);
            }
        }
        return out;
    }

    private static void putFinite(Map<String, Double> map, String key, double value) {
        if (Double.isFinite(value)) {
            map.put(key, value);
        }
    }
}
