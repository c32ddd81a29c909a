package dev.starlight.trainer.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The versions of Starlight, DJL, PyTorch and ONNX Runtime this trainer was built with (for provenance). */
public final class Versions {
    private Versions() {
    }

    public static Map<String, String> all() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/dev/starlight/trainer/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        out.put("java", System.getProperty("java.version"));
        return out;
    }
}
