package dev.starlight.core.scan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The answer for one image. */
public enum Verdict {
    CLEAN, STEGO, ERROR;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
