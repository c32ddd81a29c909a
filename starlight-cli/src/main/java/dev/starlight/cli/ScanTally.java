package dev.starlight.cli;

import dev.starlight.core.scan.ScanResult;

/** Running counts of finished scans by verdict; thread-safe. */
final class ScanTally {
    private int done;
    private int stego;
    private int errors;

    synchronized void add(ScanResult result) {
        done++;
        if (result.isStego()) {
            stego++;
        } else if (result.isError()) {
            errors++;
        }
    }

    synchronized int done() {
        return done;
    }

    synchronized int stego() {
        return stego;
    }

    synchronized int errors() {
        return errors;
    }

    synchronized int clean() {
        return done - stego - errors;
    }
}
