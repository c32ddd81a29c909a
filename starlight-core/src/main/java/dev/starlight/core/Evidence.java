package dev.starlight.core;

import dev.starlight.core.scan.ScanResult;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One finding behind a verdict.
 *
 * @param detector stable name of what looked: {@code extract.alpha}, {@code spa.red}, {@code trailer} ...
 * @param score    0..1, how strongly it points to hidden data; null when the detector could not run
 * @param detail   what it saw, or why it could not run
 * @param estimate the detector's estimate of the embedded payload where it makes one (bits per sample of the
 *                 plane it measured for the LSB statistics); null otherwise, and then left out of the JSON
 * @param method   the {@code ScanResult} method this evidence points to where the detector names one (a model's
 *                 method head); null otherwise, and then left out of the JSON
 */
@JsonPropertyOrder({"detector", "score", "detail", "estimate", "method"})
public record Evidence(String detector, Double score, String detail,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double estimate,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String method) {

    public Evidence(String detector, Double score, String detail) {
        this(detector, score, detail, null, null);
    }

    public Evidence(String detector, Double score, String detail, Double estimate) {
        this(detector, score, detail, estimate, null);
    }

    public static Evidence notRun(String detector, String why) {
        return new Evidence(detector, null, "not run: " + why, null, null);
    }

    /** True when the detector could not run on the image (score is null). */
    public boolean notRunAtAll() {
        return score == null;
    }
}
