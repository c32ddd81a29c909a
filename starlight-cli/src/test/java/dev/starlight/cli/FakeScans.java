package dev.starlight.cli;

import dev.starlight.core.scan.Payload;
import dev.starlight.core.scan.ScanError;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.core.scan.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Stand-in scanners for the scan command's seam: verdicts chosen by file name, independent of the decoders. */
final class FakeScans {
    private FakeScans() {
    }

    /** {@code stego*} files are stego carrying their own content as text, {@code bad*} errors, the rest clean. */
    static ScanResult byName(ScanRequest request) {
        String name = request.source().substring(request.source().lastIndexOf('/') + 1);
        if (name.startsWith("stego")) {
            String text = new String(request.data(), StandardCharsets.UTF_8);
            return result(request, Verdict.STEGO, 0.99, "lsb.rgb", "msb-first",
                    new Payload(request.data().length, text, Base64.getEncoder().encodeToString(request.data()),
                            "utf-8"), null);
        }
        if (name.startsWith("binary")) {
            return result(request, Verdict.STEGO, 0.95, "raw", null,
                    new Payload(request.data().length, null, Base64.getEncoder().encodeToString(request.data()),
                            "binary"), null);
        }
        if (name.startsWith("bad")) {
            return result(request, Verdict.ERROR, null, null, null, null, new ScanError("MALFORMED", "bad, \"really\""));
        }
        return result(request, Verdict.CLEAN, 0.1, null, null, null, null);
    }

    static ScanResult result(ScanRequest r, Verdict verdict, Double p, String method, String bitOrder,
                             Payload payload, ScanError error) {
        return new ScanResult(r.requestId(), Scanner.sha256(r.data()), r.source(), "png", 8, 8, verdict, p, method,
                bitOrder, payload, List.of(), "fake", 0, error);
    }
}
