package dev.starlight.core.analysis;

import java.util.List;

/** The core's full set of statistical and structural detectors, in the order their evidence is listed. */
public final class StatisticalDetectors {

    private StatisticalDetectors() {
    }

    public static List<Detector> all() {
        return List.of(
                new JpegHistogramDetector(),
                new JpegCalibrationDetector()
        );
    }
}
