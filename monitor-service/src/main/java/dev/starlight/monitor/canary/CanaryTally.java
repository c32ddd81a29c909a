package dev.starlight.monitor.canary;

import dev.starlight.monitor.config.MonitorConfig;
import dev.starlight.monitor.ingest.ScanOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Live FPR and TPR from canary results: the latest {@code canary.window-results} results of each label, matched to
 * their requests by id. FPR = clean canaries judged stego / clean canaries judged; TPR = stego canaries judged stego /
 * stego canaries judged. Errors are counted apart and judge nothing. Duplicate results (at-least-once) count once.
 */
@ApplicationScoped
public class CanaryTally {
    private static final int REMEMBERED_IDS = 20_000;

    private final boolean[][] flagged = new boolean[2][];
    private final int[] next = new int[2];
    private final int[] filled = new int[2];
    private final long[] results = new long[2];
    private final long[] errors = new long[2];
    private final Set<String> seen = new LinkedHashSet<>();
    private final Set<String> sent = new LinkedHashSet<>();
    private long matched;
    private long sentCount;

    @Inject
    public CanaryTally(MonitorConfig config) {
        this(config.canary().windowResults());
    }

    public CanaryTally(int windowResults) {
        flagged[0] = new boolean[windowResults];
        flagged[1] = new boolean[windowResults];
    }

    public synchronized void sent(String requestId) {
        sentCount++;
        remember(sent, requestId);
    }

    /** True when the result is a canary's (duplicates included): it then stays out of the live aggregates. */
    public synchronized boolean record(ScanOutcome o) {
        var label = CanaryKey.label(o.requestId());
        if (label.isEmpty() || !remember(seen, o.requestId())) {
            return label.isPresent();
        }
        int l = label.get().ordinal();
        results[l]++;
        if (sent.remove(o.requestId())) {
            matched++;
        }
        if (o.isError()) {
            errors[l]++;
            return true;
        }
        flagged[l][next[l]] = o.isStego();
        next[l] = (next[l] + 1) % flagged[l].length;
        filled[l] = Math.min(filled[l] + 1, flagged[l].length);
        return true;
    }

    public synchronized CanaryStats stats() {
        return new CanaryStats(sentCount, matched, sent.size(), results[0], results[1], errors[0], errors[1],
                filled[0], filled[1], rate(0), rate(1));
    }

    private Double rate(int l) {
        if (filled[l] == 0) {
            return null;
        }
        int k = 0;
        for (int i = 0; i < filled[l]; i++) {
            k += flagged[l][i] ? 1 : 0;
        }
        return (double) k / filled[l];
    }

    private static boolean remember(Set<String> set, String id) {
        if (!set.add(id)) {
            return false;
        }
        if (set.size() > REMEMBERED_IDS) {
            var it = set.iterator();
            it.next();
            it.remove();
        }
        return true;
    }
}
