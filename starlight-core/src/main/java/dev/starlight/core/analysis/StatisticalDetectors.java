package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import java.util.List;

/** The core's full set of statistical and structural detectors, in the order their evidence is listed. */
public final class StatisticalDetectors {
    private static final List<Detector> ALL = List.of(
            new ChiSquareAttack(),
            new SamplePairsAnalysis(),
            new RsAnalysis(),
            new WeightedStego(),
            new LsbMatching(),
            new JpegDctDetector(),
            new TrailerDetector(),
            new MetadataTextDetector(),
            new PaletteOrderDetector(),
            new UnusedPaletteDetector());

    private StatisticalDetectors() {
    }

    /** The detectors (stateless and thread-safe, so shared). */
    public static List<Detector> all() {
        return ALL;
    }
}
