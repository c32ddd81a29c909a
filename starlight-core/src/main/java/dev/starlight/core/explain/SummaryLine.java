package dev.starlight.core.explain;

import dev.starlight.core.Evidence;
import dev.starlight.core.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one line a person reads first, e.g. {@code stego (lsb.rgb, message 412 bytes) — evidence: extract.lsb.rgb;
 * model stream lsb drove the score (−3.1 logit when removed); payload in the first 1 100 pixels}.
 */
final class SummaryLine {
    /** A stream whose removal moves the logit less than this did not drive the score. */
    static final double DROVE = 0.05;

    private SummaryLine() {
    }

    static String of(Explanation e) {
        ScanResult scan = e.scan();
        List<String> parts = new ArrayList<>();
        StringBuilder verdict = new StringBuilder(scan.verdict().label());
        List<String> what = new ArrayList<>();
        if (scan.method() != null) {
            what.add(scan.method());
        }
        if (scan.payload() != null) {
            what.add("message " + grouped(scan.payload().lengthBytes()) + " bytes");
        }
        if (!what.isEmpty()) {
            verdict.append(" (").append(String.join(", ", what)).append(')');
        }
        parts.add(verdict.toString());
        List<String> fired = e.fired().stream().map(Evidence::detector).limit(4).toList();
        parts.add("evidence: " + (fired.isEmpty() ? "nothing fired" : String.join(", ", fired)
                + (e.fired().size() > fired.size() ? " and " + (e.fired().size() - fired.size()) + " more" : "")));
        parts.add(model(e));
        e.saliency().regions().stream().findFirst().ifPresent(r -> parts.add(where(r)));
        return String.join("; ", parts).replaceFirst("; ", " — ");
    }

    private static String model(Explanation e) {
        ModelExplanation m = e.model();
        if (m == null) {
            return "no model (evidence only)";
        }
        String p = String.format(Locale.ROOT, "model p=%.2f", m.stegoProbability());
        StreamImportance top = m.streams().stream().filter(s -> s.logitChange() < -DROVE).findFirst().orElse(null);
        if (top == null) {
            return p + ", no stream raised its score";
        }
        return String.format(Locale.ROOT, "%s, stream %s drove the score (%s logit when removed)", p, top.stream(),
                signed(top.logitChange()));
    }

    private static String where(PayloadRegion r) {
        if (r.isPixels()) {
            return "payload in the first " + grouped(r.pixels()) + " pixels (" + String.join(", ", r.planes())
                    + " LSBs)";
        }
        return "payload in bytes " + grouped(r.offset()) + "–" + grouped(r.offset() + r.length() - 1) + " of the file ("
                + r.detail() + ")";
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    static String signed(double v) {
        return String.format(Locale.ROOT, "%+.1f", v).replace('-', '−');
    }
}
