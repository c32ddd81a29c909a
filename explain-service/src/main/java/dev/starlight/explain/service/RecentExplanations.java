package dev.starlight.explain.service;

import dev.starlight.core.explain.Explanation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The last explanations by request id, with their image bytes (for the heatmap): a bounded LRU. */
public final class RecentExplanations {
    /** One remembered explanation. */
    public record Entry(Explanation explanation, byte[] image) {
    }

    private final Map<String, Entry> entries;

    public RecentExplanations(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void put(String id, Entry entry) {
        entries.put(id, entry);
    }

    public synchronized Optional<Entry> get(String id) {
        return Optional.ofNullable(entries.get(id));
    }
}
