package dev.starlight.core.model;

/**
 * How a model's session runs.
 *
 * @param intraOpThreads ONNX Runtime threads inside one operator (default 1: one per worker thread scales best when
 *                       many workers share a session); spinning is always off
 * @param maxTiles       most tiles of one image fed to the model (default {@value ModelInputOptions#DEFAULT_MAX_TILES})
 */
public record OnnxModelOptions(int intraOpThreads, int maxTiles) {
    public static final OnnxModelOptions DEFAULTS = new OnnxModelOptions(1, ModelInputOptions.DEFAULT_MAX_TILES);

    public OnnxModelOptions {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
        if (maxTiles < 1) {
            throw new IllegalArgumentException("maxTiles must be at least 1, was " + maxTiles);
        }
    }
}
