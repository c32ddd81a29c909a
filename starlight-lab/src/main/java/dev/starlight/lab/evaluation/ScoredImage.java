package dev.starlight.lab.evaluation;

import java.util.Map;

/**
 * What the scanner said about one labelled image.
 *
 * @param image         the image and its label
 * @param format        the container the scanner recognised (null if none)
 * @param flagged       the verdict was stego
 * @param score         the stego probability (0 for errors)
 * @param method        the reported method, or null
 * @param bitOrder      the reported bit order, or null
 * @param payloadSha256 SHA-256 of the recovered message, or null
 * @param rateEstimate  the statistics' payload estimate in bits per sample, or null
 * @param error         the scan ended in an error result
 * @param features      the image's evidence as fusion features ({@code FusionFeatures}), for per-detector AUC
 * @param firedBy       for a stego verdict, what decided it ({@code message/exif}, {@code model/other},
 *                      {@code fusion/lsb.rgb (spa.red)}); null otherwise
 */
public record ScoredImage(LabelledImage image, String format, boolean flagged, double score, String method,
                          String bitOrder, String payloadSha256, Double rateEstimate, boolean error,
                          Map<String, Double> features, String firedBy) {

    /** An image whose deciding evidence is not recorded. */
    public ScoredImage(LabelledImage image, String format, boolean flagged, double score, String method,
                       String bitOrder, String payloadSha256, Double rateEstimate, boolean error,
                       Map<String, Double> features) {
        this(image, format, flagged, score, method, bitOrder, payloadSha256, rateEstimate, error, features, null);
    }
}
