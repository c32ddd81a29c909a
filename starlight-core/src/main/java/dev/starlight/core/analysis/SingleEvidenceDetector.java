package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.core.Evidence;
import java.util.List;

/**
 * Shared frame of the detectors that give one piece of evidence per image under their own name (the container,
 * palette and DCT statistics): any failure of the statistic becomes not-run evidence saying so, never an exception.
 */
abstract class SingleEvidenceDetector implements Detector {
    private final String family;

    SingleEvidenceDetector(String family) {
        this.family = family;
    }

    @Override
    public final String name() {
        return family;
    }

    @Override
    public final List<Evidence> analyse(DecodedImage image, byte[] file) {
        try {
            return List.of(evidence(image, file));
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(Evidence.notRun(family, "failed: " + e.getClass().getSimpleName()));
        }
    }

    /** The evidence for one image, or {@link Evidence#notRun} with the reason it does not apply. */
    abstract Evidence evidence(DecodedImage image, byte[] file);
}
