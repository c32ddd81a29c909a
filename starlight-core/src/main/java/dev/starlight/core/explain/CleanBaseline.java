package dev.starlight.core.explain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.starlight.core.Evidence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How each detector scores clean images, so that an explanation can say which evidence sets this image apart
 * instead of listing every detector that fired (on clean covers several detectors fire often: their tails are heavy).
 * The shipped table is {@value #RESOURCE}, made by {@code bin/clean-baseline} over the corpus covers and their clean
 * variants; the command line is recorded in its provenance.
 *
 * @param provenance how the table was made: {@code command}, {@code data}, {@code created}, ...
 * @param levels     the quantile levels of every distribution, ascending; the last is {@link #UNUSUAL_LEVEL}
 * @param detectors  per detector that gives a score on a statistics-only scan of a clean image, its scores
 * @param estimates  per detector that makes a payload estimate (the LSB statistics), its estimates in bits per
 *                   sample: these are compared rather than the scores, which saturate at 1 on many clean images
 */
@JsonPropertyOrder({"provenance", "levels", "detectors", "estimates"})
public record CleanBaseline(Map<String, String> provenance, List<Double> levels,
                           Map<String, CleanDistribution> detectors, Map<String, CleanDistribution> estimates) {
    public static final String RESOURCE = "/dev/starlight/core/explain/clean-baseline.json";
    /** The quantile levels a fit records. */
    public static final List<Double> LEVELS = List.of(0.5, 0.9, 0.99, 0.999);
    /** Evidence counts as unusual only above this quantile of clean scores... */
    public static final double UNUSUAL_LEVEL = 0.999;
    /**
     * ... and by at least this much in bits per sample, for a payload estimate, so a value next to the top of the
     * clean range is not called unusual; also the least clean spread a distance is measured in.
     */
    public static final double MARGIN = 0.02;
    /**
     * ... or by this much for a score: several detectors' clean scores sit in a narrow band near 1 (chi-square
     * p-values on an alpha plane), where a few hundredths more says nothing.
     */
    public static final double SCORE_MARGIN = 0.05;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public CleanBaseline {
        provenance = Map.copyOf(provenance);
        levels = List.copyOf(levels);
        detectors = new TreeMap<>(detectors);
        estimates = estimates == null ? Map.of() : new TreeMap<>(estimates);
        if (levels.isEmpty() || levels.get(levels.size() - 1) != UNUSUAL_LEVEL) {
            throw new IllegalArgumentException("levels must end with " + UNUSUAL_LEVEL + ": " + levels);
        }
    }

    /** The table shipped in starlight-core (read once). */
    public static CleanBaseline shipped() {
        return Shipped.TABLE;
    }

    private static final class Shipped {
        static final CleanBaseline TABLE = load();
    }

    private static CleanBaseline load() {
        try (InputStream in = CleanBaseline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            return JSON.readValue(in, CleanBaseline.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CleanBaseline read(String json) {
        try {
            return JSON.readValue(json, CleanBaseline.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String write() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The evidence well outside its clean range, strongest first: above the clean {@value #UNUSUAL_LEVEL} quantile by
     * more than {@value #MARGIN} bits per sample (a payload estimate, compared where the detector makes one) or
     * {@value #SCORE_MARGIN} of a score (else); a score must also point to hidden data, at least
     * {@value Explainer#FIRED}: a rare low score marks an odd image, not evidence. Strength is the distance beyond that
     * quantile in units of the clean spread. Evidence without a score or without a clean distribution (a model's, an
     * extractor's: extractors give no evidence on clean images) is left out.
     */
    public List<UnusualEvidence> unusual(List<Evidence> evidence) {
        List<UnusualEvidence> out = new ArrayList<>();
        for (Evidence e : evidence) {
            assess(e).ifPresent(out::add);
        }
        out.sort(Comparator.comparingDouble(UnusualEvidence::strength).reversed());
        return out;
    }

    Optional<UnusualEvidence> assess(Evidence e) {
        boolean byEstimate = e.estimate() != null && estimates.containsKey(e.detector());
        CleanDistribution clean = byEstimate ? estimates.get(e.detector()) : detectors.get(e.detector());
        if (e.score() == null || clean == null) {
            return Optional.empty();
        }
        double value = byEstimate ? e.estimate() : e.score();
        double top = clean.quantiles().get(clean.quantiles().size() - 1);
        if (value <= top + (byEstimate ? MARGIN : SCORE_MARGIN) || !byEstimate && value < Explainer.FIRED) {
            return Optional.empty();
        }
        double median = clean.quantiles().get(0);
        double strength = (value - top) / Math.max(top - median, MARGIN);
        boolean aboveAll = value > clean.max();
        String where = aboveAll ? "above every one of " + SummaryLine.grouped(clean.images()) + " clean images"
                : "above " + String.format(Locale.ROOT, "%.1f%%", UNUSUAL_LEVEL * 100) + " of clean images";
        String shown = byEstimate ? String.format(Locale.ROOT, "payload ≈ %.2f bpp", value)
                : String.format(Locale.ROOT, "score %.2f", value);
        String reading = e.detector() + ": " + shown + ", " + where;
        return Optional.of(new UnusualEvidence(e.detector(), e.score(), e.estimate(), byEstimate ? "estimate" : "score",
                top, aboveAll ? 1.0 : UNUSUAL_LEVEL, strength, reading));
    }
}
