package dev.starlight.core;

import dev.starlight.codecs.image.DecodedImage;
import java.util.List;

/**
 * A statistical or structural detector. Stateless and thread-safe. A detector that cannot run on an image
 * (wrong format, too small) says so with {@link Evidence#notRun}; it never returns nothing silently.
 */
public interface Detector {

    /** Stable name, the prefix of its evidence entries. */
    String name();

    List<Evidence> analyse(DecodedImage image, byte[] file);
}
