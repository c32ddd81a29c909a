package dev.starlight.core.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Evidence that sets this image apart from clean ones (see {@link CleanBaseline}).
 *
 * @param detector   the evidence's detector
 * @param score      its score on this image
 * @param estimate   its payload estimate (bits per sample) where it makes one; else null
 * @param compared   {@code estimate} when the payload estimate was compared with clean estimates, else {@code score}
 * @param cleanTop   the clean images' value (of what was compared) at the {@value CleanBaseline#UNUSUAL_LEVEL}
 *                   quantile
 * @param aboveShare the share of clean images below: {@value CleanBaseline#UNUSUAL_LEVEL}, or 1 when above
 *                   every clean image
 * @param strength   how far above {@code cleanTop}, in units of the clean spread (that quantile less the median);
 *                   the summary lists the strongest first
 * @param reading    one phrase for a person, e.g. {@code spa.red: payload ≈ 0.31 bpp, score 0.97, above 99.9% of
 *                   clean images}
 */
@JsonPropertyOrder({"detector", "score", "estimate", "compared", "cleanTop", "aboveShare", "strength", "reading"})
public record UnusualEvidence(String detector, double score,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Double estimate, String compared,
                              double cleanTop,
                              double aboveShare, double strength, String reading) {
}
