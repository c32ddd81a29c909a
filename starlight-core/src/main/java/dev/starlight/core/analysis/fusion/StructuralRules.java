package dev.starlight.core.analysis.fusion;


import dev.starlight.core.Evidence;
import java.util.List;
import java.util.Optional;

/**
 * Container and palette evidence that decides on its own, at thresholds fixed by the detectors' design rather than
 * fitted: an appended file, text or high-entropy bytes after the image ({@code trailer}), a payload-like metadata
 * value by the metadata policy ({@code meta}: a marker, compressed, binary or encoded data, an over-long or
 * multi-line caption; docs/metadata-policy.md), a value-sorted palette with a permuted tail ({@code palette.order}),
 * JPEG coefficients whose signs lost their symmetry in the part a sequential embedder fills first ({@code jpeg.seq},
 * jsteg; its threshold sits above the highest value of the clean zoo's validation JPEGs). None of the 311 corpus
 * covers reaches these thresholds (ContainerDetectorsCorpusTest). They are separate from the fitted fusion because
 * a few dozen clean images cannot set a threshold for evidence that clean images never show.
 */
public final class StructuralRules {

    /** One rule: evidence {@code detector} at or above {@code threshold} means stego by {@code method}. */
    public record Rule(String detector, double threshold, String method) {
    }

    public static final List<Rule> RULES = List.of(
            new Rule("trailer", 0.9, "raw"),
            new Rule("meta", 0.9, "exif"),
            new Rule("palette.order", 0.5, "palette"),
            new Rule("jpeg.seq", 0.5, "jsteg"));

    /** What fired. */
    public record Hit(Rule rule, double score) {
    }

    private StructuralRules() {
    }

    /** The strongest rule that fires on this evidence, if any. */
    public static Optional<Hit> firing(List<Evidence> evidence) {
        Hit best = null;
        for (Evidence e : evidence) {
            if (e.score() == null) {
                continue;
            }
            for (Rule r : RULES) {
                if (r.detector().equals(e.detector()) && e.score() >= r.threshold()
                        && (best == null || e.score() > best.score())) {
                    best = new Hit(r, e.score());
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
