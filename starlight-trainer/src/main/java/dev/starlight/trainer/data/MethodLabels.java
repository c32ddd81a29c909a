package dev.starlight.trainer.data;

import dev.starlight.lab.dataset.RandomLsbEmbedder;
import dev.starlight.core.protocol.Method;
import java.util.ArrayList;
import java.util.List;

/** The techniques the method head tells apart: the five protocol methods, then random LSB replacement and matching. */
public final class MethodLabels {
    public static final List<String> ALL;

    static {
        List<String> labels = new ArrayList<>();
        for (Method m : Method.values()) {
            labels.add(m.label());
        }
        for (RandomLsbEmbedder.Kind k : RandomLsbEmbedder.Kind.values()) {
            labels.add(k.label());
        }
        ALL = List.copyOf(labels);
    }

    private MethodLabels() {
    }

    /** Whether a technique has a bit order the network should learn (sequential LSB methods). */
    public static boolean hasBitOrder(String technique) {
        return Method.LSB_RGB.label().equals(technique) || Method.PALETTE.label().equals(technique);
    }
}
