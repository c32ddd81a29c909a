package dev.starlight.lab.evaluation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The evaluator's figures. Stego rows compare a group's scores with the clean covers (group {@code clean}; all clean
 * images when there are no covers) of the same format.
 *
 * @param scanner         the scanner's model/rule version
 * @param images          images scanned
 * @param seconds         wall time of the scan
 * @param imagesPerSecond throughput over all threads
 * @param threads         scanner threads
 * @param clean           per group of clean images ({@code clean} for covers, else the variant kind), one row per
 *                        format plus {@code all}
 * @param stego           one row per group and format, plus each group over all formats
 * @param detectors       per group (all formats), how well each detector's own evidence separates it from clean
 */
@JsonPropertyOrder({"scanner", "images", "seconds", "imagesPerSecond", "threads", "clean", "stego", "detectors"})
public record EvalReport(String scanner, int images, double seconds, double imagesPerSecond, int threads,
                         List<CleanRow> clean, List<StegoRow> stego, List<DetectorRow> detectors) {

    /**
     * The AUC of one detector feature ({@code FusionFeatures} name, e.g. {@code spa@colour}, {@code jpeg.calib})
     * for one stego group against the clean images of the same formats, over the images where it ran.
     */
    @JsonPropertyOrder({"group", "feature", "auc"})
    public record DetectorRow(String group, String feature, double auc) {
    }

    /**
     * False positives on clean images of one group and format.
     *
     * @param fprUpper95 the upper end of the two-sided 95% Wilson interval of the FPR ({@link WilsonInterval})
     * @param firedBy    what made the flagged images stego, most frequent first, e.g. {@code "model/exif 3,
     *                   fusion/other (meta) 1"}: the deciding part (message, fusion, model), the method, and for the
     *                   fusion its strongest statistic; empty when none was flagged
     */
    @JsonPropertyOrder({"group", "format", "images", "flagged", "fpr", "fprUpper95", "errors", "firedBy"})
    public record CleanRow(String group, String format, int images, int flagged, double fpr, double fprUpper95,
                           int errors, String firedBy) {

        /** A row whose bound is computed from its counts, with no record of what fired. */
        public CleanRow(String group, String format, int images, int flagged, double fpr, int errors) {
            this(group, format, images, flagged, fpr, WilsonInterval.upper95(flagged, images), errors, "");
        }
    }

    /**
     * Detection figures of one group in one format ({@code all} over formats).
     *
     * @param detectionRate     fraction with a stego verdict at the shipped operating point
     * @param auc               stego scores against clean scores of the same formats
     * @param tprAt1            detection rate at a threshold letting 1% of those clean images through
     * @param tprAt5            the same at 5%
     * @param rateError         mean |estimated − true payload rate| where the rate is known, else NaN
     * @param methodCorrect     of the detected images, the fraction reported with the expected method
     *                          ({@link ExpectedMethod}; NaN when none was detected or no method is expected)
     * @param bitOrderCorrect   fraction whose reported bit order is the labelled one (NaN without a bit order)
     * @param exactExtractions  recovered messages identical to the embedded one, where its SHA-256 is known
     * @param knownMessages     images whose message SHA-256 is known
     */
    @JsonPropertyOrder({"group", "format", "images", "detected", "detectionRate", "auc", "tprAt1", "tprAt5",
            "rateError", "methodCorrect", "bitOrderCorrect", "exactExtractions", "knownMessages", "errors"})
    public record StegoRow(String group, String format, int images, int detected, double detectionRate, double auc,
                           double tprAt1, double tprAt5, double rateError, double methodCorrect,
                           double bitOrderCorrect, int exactExtractions, int knownMessages, int errors) {
    }
}
