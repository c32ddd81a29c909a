package dev.starlight.core.explain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.starlight.core.Evidence;
import dev.starlight.core.scan.ScanError;
import dev.starlight.core.scan.ScanResult;
import java.util.List;

/**
 * Why a verdict came out, for one image: published on {@code starlight.explain.results} and returned by
 * {@code POST /v1/explain}.
 *
 * @param requestId the request's id
 * @param summary   one line for a person
 * @param scan      the verdict exactly as the scanner gives it (with the same model)
 * @param fired     the evidence that pointed to hidden data (score at least {@value Explainer#FIRED}): the
 *                  extractors first, then the strongest
 * @param messages  every candidate message the extractors found, strongest first
 * @param model     the model's part; null when no model was available (see {@code modelNote})
 * @param modelNote why there is no model part, else null
 * @param saliency  where the evidence sits; null for errors
 * @param latencyMs time spent explaining
 * @param error     set only when the image could not be read (the scanner's stable code)
 * @param unusual   the evidence well outside its range on clean images ({@link CleanBaseline}), strongest first;
 *                  empty for a clean-looking image and for errors (and when read from JSON written before it existed)
 */
@JsonPropertyOrder({"requestId", "summary", "scan", "fired", "messages", "model", "modelNote", "saliency", "latencyMs",
        "error", "unusual"})
public record Explanation(String requestId, String summary, ScanResult scan, List<Evidence> fired,
                          List<RecoveredMessage> messages, ModelExplanation model, String modelNote,
                          Saliency saliency, long latencyMs, ScanError error,
                          List<UnusualEvidence> unusual) {
    public Explanation {
        fired = List.copyOf(fired);
        messages = List.copyOf(messages);
        unusual = unusual == null ? List.of() : List.copyOf(unusual);
    }
}
