package dev.starlight.detector.model;

import dev.starlight.core.Detector;
import dev.starlight.core.analysis.fusion.FusionModel;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.Scanner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The serving model, swapped atomically. Each scan holds a {@link Lease} on the model it started with, so a
 * swap never pulls a session from under a running scan: the old model is closed when its last lease is
 * released. Until a model is loaded, the core's rules decide alone ({@link Scanner#defaultVersion}).
 */
@ApplicationScoped
public class ModelRegistry {
    private final AtomicReference<Served> current = new AtomicReference<>(Served.rulesOnly());

    /** A hold on one served model for the length of one scan. */
    public final class Lease {
        private final Served served;

        private Lease(Served served) {
            this.served = served;
        }

        public String version() {
            return served.version;
        }

        public Scanner scanner(ScanOptions options) {
            return new Scanner(options, served.detectors, served.version);
        }

        public void release() {
            served.release();
        }
    }

    public Lease acquire() {
        while (true) {
            Served s = current.get();
            if (s.retain()) {
                return new Lease(s);
            }
            // lost a race with a swap that already closed s: read the new one
        }
    }

    public String version() {
        return current.get().version;
    }

    public String name() {
        return current.get().name;
    }

    public boolean rulesOnly() {
        return current.get().closeable == null;
    }

    /** What is known of the serving model: checksum, creation time, provenance and metrics from its envelope. */
    public Map<String, String> card() {
        return current.get().card;
    }

    /** Serves {@code next} from now on; the previous model closes once its in-flight scans finish. */
    public void swap(String name, String version, Map<String, String> card, List<Detector> detectors,
                     AutoCloseable closeable) {
        Served old = current.getAndSet(new Served(name, version, card, detectors, closeable));
        old.release();
    }

    /**
     * Serves {@code next} only if no model is serving yet (the statistics alone decide); returns false, leaving
     * the serving model in place, otherwise. Atomic against {@link #swap}.
     */
    public boolean swapIfRulesOnly(String name, String version, Map<String, String> card, List<Detector> detectors,
                                   AutoCloseable closeable) {
        Served old = current.get();
        if (old.closeable != null) {
            return false;
        }
        if (!current.compareAndSet(old, new Served(name, version, card, detectors, closeable))) {
            return false;
        }
        old.release();
        return true;
    }

    /** One model and its reference count: 1 for being current, plus one per running scan. */
    static final class Served {
        final String name;
        final String version;
        final Map<String, String> card;
        final List<Detector> detectors;
        final AutoCloseable closeable;
        private final AtomicInteger refs = new AtomicInteger(1);

        Served(String name, String version, Map<String, String> card, List<Detector> detectors,
               AutoCloseable closeable) {
            this.name = name;
            this.version = version;
            this.card = Map.copyOf(card);
            this.detectors = List.copyOf(detectors);
            this.closeable = closeable;
        }

        static Served rulesOnly() {
            return new Served("core-rules", Scanner.defaultVersion(FusionModel.shipped()), Map.of(), List.of(), null);
        }

        boolean retain() {
            while (true) {
                int n = refs.get();
                if (n == 0) {
                    return false;
                }
                if (refs.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (refs.decrementAndGet() == 0 && closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing a session that is no longer used; nothing depends on it
                }
            }
        }
    }
}
