package dev.starlight.core.explain;

import dev.starlight.core.Evidence;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one line a person reads first, e.g. {@code stego (lsb.rgb, message 412 bytes) — evidence: extract.lsb.rgb
 * recovered a message (confidence 1.00); chi2.red: score 1.00, above every one of 2 071 clean images; model p=0.98,
 * stream lsb drove the score (−3.1 logit when removed); payload in the first 1 100 pixels (red, green, blue LSBs)}.
 * Recovered messages come first, then only the evidence well outside its clean range ({@link CleanBaseline}),
 * strongest first; an image like the clean ones reads {@value #NOTHING_UNUSUAL}.
 */
final class SummaryLine {
    /** A stream whose removal moves the logit less than this did not drive the score. */
    static final double DROVE = 0.05;
    static final String NOTHING_UNUSUAL = "nothing unusual compared with clean images";
    /** Evidence named in the line at most; the rest is counted. */
    static final int LISTED = 4;

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
        parts.add("evidence: " + evidence(e));
        parts.add(model(e));
        e.saliency().regions().stream().findFirst().ifPresent(r -> parts.add(where(r)));
        return String.join("; ", parts).replaceFirst("; ", " — ");
    }

    private static String evidence(Explanation e) {
        List<String> recovered = e.fired().stream()
                .filter(f -> f.kind() == Evidence.Kind.EXTRACTION && f.score() >= Protocol.MESSAGE_THRESHOLD)
                .map(Evidence::detector).toList();
        List<String> readings = new ArrayList<>();
        recovered.forEach(d -> readings.add(d + " recovered a message (confidence "
                + String.format(Locale.ROOT, "%.2f", e.fired().stream().filter(f -> f.detector().equals(d))
                .findFirst().orElseThrow().score()) + ")"));
        e.unusual().stream().filter(u -> !recovered.contains(u.detector())).forEach(u -> readings.add(u.reading()));
        if (readings.isEmpty()) {
            return NOTHING_UNUSUAL;
        }
        List<String> listed = readings.subList(0, Math.min(LISTED, readings.size()));
        return String.join("; ", listed) + (readings.size() > listed.size()
                ? "; and " + (readings.size() - listed.size()) + " more unusual" : "");
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
