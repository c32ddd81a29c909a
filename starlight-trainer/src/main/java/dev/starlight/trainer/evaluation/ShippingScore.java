package dev.starlight.trainer.evaluation;

import dev.starlight.lab.evaluation.EvalReport;
import dev.starlight.lab.evaluation.Evaluator;

/**
 * What a model is worth to users of the scanner, from its held-out evaluation: the false-positive rate of the
 * scanner with the model on the clean covers, and its mean detection rate at the operating point over the stego
 * groups. The model's own AUC is not the measure: where a protocol message is extracted the scanner decides
 * without the model, so a model's weak AUC there costs nothing, and AUC says nothing of the operating point.
 * {@code starlight models pick} and the triplet report's verdict both use this.
 *
 * @param fpr           held-out clean-cover false-positive rate, scanner with the model (all formats)
 * @param meanDetection mean over stego groups (all formats) of the scanner's detection rate with the model
 */
public record ShippingScore(double fpr, double meanDetection) implements Comparable<ShippingScore> {

    public static ShippingScore of(ModelMetrics m) {
        double fpr = m.withModel().clean().stream()
                .filter(c -> c.group().equals("clean") && c.format().equals(Evaluator.ALL))
                .mapToDouble(EvalReport.CleanRow::fpr).findFirst().orElse(Double.NaN);
        double detection = m.withModel().stego().stream().filter(r -> r.format().equals(Evaluator.ALL))
                .mapToDouble(EvalReport.StegoRow::detectionRate).average().orElse(Double.NaN);
        return new ShippingScore(fpr, detection);
    }

    /** Better first: lower FPR, then higher mean detection. */
    @Override
    public int compareTo(ShippingScore o) {
        int byFpr = Double.compare(fpr, o.fpr);
        return byFpr != 0 ? byFpr : Double.compare(o.meanDetection, meanDetection);
    }
}
