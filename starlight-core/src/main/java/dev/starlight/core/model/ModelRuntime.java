package dev.starlight.core.model;

import ai.onnxruntime.OrtEnvironment;

/**
 * The one ONNX Runtime environment of the process. ONNX Runtime allows one environment per process; every
 * {@link OnnxModel} creates its session on it. It lives as long as the JVM (never closed: closing it while a
 * session is open is an error).
 */
public final class ModelRuntime {
    private static final String NAME = "starlight";

    private ModelRuntime() {
    }

    /** The shared environment, created on first use. */
    public static OrtEnvironment environment() {
        return Holder.ENVIRONMENT;
    }

    private static final class Holder {
        static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment(NAME);
    }
}
