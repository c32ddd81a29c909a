package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.core.Evidence;
import dev.starlight.core.analysis.metadata.MetadataField;
import dev.starlight.core.analysis.metadata.MetadataFields;
import dev.starlight.core.analysis.metadata.MetadataPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Text and blobs in metadata fields: EXIF text tags, XMP properties, JPEG COM, PNG text chunks, GIF comments, read by
 * {@link MetadataFields} and judged by the {@link MetadataPolicy}. What cameras, phones, editors and generators write
 * (captions, editor comments, prompts, workflows, licences) is reported with its text and scores low; payload-like
 * values (a protocol marker, compressed, binary or encoded data, text longer or with more lines than a caption field
 * ever holds) score at or above {@link MetadataPolicy#PAYLOAD_SCORE}. The evidence names the strongest field and
 * quotes its value.
 */
public final class MetadataTextDetector extends SingleEvidenceDetector {
    static final String FAMILY = "meta";
    /** Characters of a value quoted in the evidence. */
    static final int QUOTE_CHARS = 120;

    public MetadataTextDetector() {
        super(FAMILY);
    }

    @Override
    Evidence evidence(DecodedImage image, byte[] file) {
        if (image.metadata().isEmpty()) {
            return new Evidence(FAMILY, 0.0, "no metadata blocks");
        }
        List<MetadataField> fields = MetadataFields.of(image);
        MetadataField best = null;
        MetadataPolicy.Judgement bestJudgement = null;
        int withValue = 0;
        for (MetadataField f : fields) {
            MetadataPolicy.Judgement j = MetadataPolicy.judge(f);
            if (j.form() == MetadataPolicy.Form.EMPTY) {
                continue;
            }
            withValue++;
            if (bestJudgement == null || j.score() > bestJudgement.score()) {
                best = f;
                bestJudgement = j;
            }
        }
        if (best == null) {
            return new Evidence(FAMILY, 0.0, image.metadata().size() + " metadata blocks, no text fields");
        }
        MetadataPolicy.Features x = bestJudgement.features();
        String size = x.text() ? x.chars() + " chars" : x.bytes() + " bytes";
        return new Evidence(FAMILY, bestJudgement.score(), best.where() + ": " + bestJudgement.form().label() + ", "
                + size + ", " + quote(best.value(), x.text()) + " (" + withValue + " fields with values)");
    }

    /** The value as text in quotes (control characters escaped), or its first bytes in hex when it is binary. */
    static String quote(byte[] value, boolean text) {
        if (!text) {
            StringBuilder hex = new StringBuilder("bytes ");
            for (int i = 0; i < Math.min(16, value.length); i++) {
                hex.append(String.format("%02x", value[i] & 0xFF));
            }
            return hex.append(value.length > 16 ? "…" : "").toString();
        }
        String s = new String(value, StandardCharsets.UTF_8).strip();
        StringBuilder q = new StringBuilder("\"");
        s.codePoints().limit(QUOTE_CHARS).forEach(c -> {
            if (c == '\n') {
                q.append("\\n");
            } else if (c == '"' || c == '\\') {
                q.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                q.append(String.format("\\u%04x", c));
            } else {
                q.appendCodePoint(c);
            }
        });
        return q.append(s.codePointCount(0, s.length()) > QUOTE_CHARS ? "…\"" : "\"").toString();
    }
}
