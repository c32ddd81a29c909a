package dev.starlight.cli;

import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;

/** What scans one file's bytes: the core {@code Scanner} in production, a stand-in in tests. Must be thread-safe. */
@FunctionalInterface
interface ImageScanner {
    ScanResult scan(ScanRequest request);
}
