package dev.starlight.monitor;

import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.core.events.ScanBatchMetrics;
import dev.starlight.core.scan.ScanError;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.core.scan.Verdict;
import dev.starlight.monitor.ingest.EventJson;
import java.util.List;
import java.util.Map;

/** Events as the detectors and the trainer write them (the core's records and JSON writer). */
public final class Events {
    private Events() {
    }

    public static String clean(String id, String model, String format, double score, long latencyMs) {
        return result(id, model, format, Verdict.CLEAN, score, null, latencyMs, null);
    }

    public static String stego(String id, String model, String format, double score, String method, long latencyMs) {
        return result(id, model, format, Verdict.STEGO, score, method, latencyMs, null);
    }

    public static String error(String id, String model, String format, String code, long latencyMs) {
        return result(id, model, format, Verdict.ERROR, null, null, latencyMs, code);
    }

    public static String result(String id, String model, String format, Verdict verdict, Double score, String method,
                                long latencyMs, String errorCode) {
        return ScanResultJson.write(new ScanResult(id, "0".repeat(64), "test", format, 64, 64, verdict, score, method,
                method == null ? null : "lsb-first", null, List.of(), model, latencyMs,
                errorCode == null ? null : new ScanError(errorCode, "test error")));
    }

    public static String evaluation(String model, String version, String dataSha, Map<String, Double> fpr,
                                    Map<String, Double> tpr, double auc, double p95) {
        return json(new ModelEvaluationEvent(ModelEvaluationEvent.TYPE, model, version, System.currentTimeMillis(),
                dataSha, 400, fpr, tpr, Map.of(), auc, p95));
    }

    public static String batch(String service, String model, int count, int errors) {
        return json(new ScanBatchMetrics(ScanBatchMetrics.TYPE, service, model, System.currentTimeMillis(), count,
                Map.of("clean", count - errors, "error", errors), Map.of(), Map.of("png", count), Map.of(),
                new long[count]));
    }

    static String json(Object o) {
        try {
            return EventJson.JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
