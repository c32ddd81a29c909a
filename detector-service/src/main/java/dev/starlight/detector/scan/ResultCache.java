package dev.starlight.detector.scan;

import dev.starlight.core.scan.ScanResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded LRU of results by content: key = SHA-256 + extract flag + model version, so a cached answer is
 * only reused for the same bytes judged by the same model. Error results are cached too (same bytes, same error).
 */
final class ResultCache {
    private final Map<String, ScanResult> entries;

    ResultCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.max(16, capacity / 4), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ScanResult> eldest) {
                return size() > capacity;
            }
        };
    }

    static String key(String sha256, boolean extract, String modelVersion) {
        return sha256 + '|' + extract + '|' + modelVersion;
    }

    synchronized ScanResult get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, ScanResult result) {
        entries.put(key, result);
    }

    synchronized int size() {
        return entries.size();
    }
}
