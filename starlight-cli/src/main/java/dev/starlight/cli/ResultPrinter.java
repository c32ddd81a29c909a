package dev.starlight.cli;

import dev.starlight.core.scan.ScanResult;

/** Writes scan results to standard output in one format: a header (if the format has one), then one entry per result. */
interface ResultPrinter {

    default void header() {
    }

    void print(ScanResult result);
}
