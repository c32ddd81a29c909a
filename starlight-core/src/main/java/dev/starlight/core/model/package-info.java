/**
 * Models: the named input streams built from a decoded image ({@link dev.starlight.core.model.InputStreams},
 * {@link dev.starlight.core.model.ModelInputs}), the ONNX runner ({@link dev.starlight.core.model.OnnxModel}) and the
 * checksummed envelope models travel in ({@link dev.starlight.core.model.ModelEnvelope}).
 *
 * <p>Anatomy:
 * <ul>
 *   <li>{@code InputStreams}, {@code StreamSpec}: stream names, shapes per batch row, neutral values (the contract)</li>
 *   <li>{@code ModelInputOptions}, {@code TileGrid}: tile size, tile cap, which tiles of an image are taken</li>
 *   <li>{@code ModelInputs}: builds the streams; {@code PaletteVector}, {@code MetaVector}, {@code TileStatistics}
 *       compute the vector streams; {@code SampleView} unifies grey, RGB and indexed images</li>
 *   <li>{@code ModelRuntime}: the one ONNX Runtime environment; {@code OnnxModel}: one session, checks, predict;
 *       {@code ModelOutputs}: result to {@code ModelPrediction}; {@code ModelInfo}: metadata keys and output names</li>
 *   <li>{@code ModelEnvelope}: the {@code starlight.models} record value, with its SHA-256 and optional
 *       {@code EnvelopeSignature}; {@code ModelSigner} signs, {@code TrustedKeys} verifies (refusing with
 *       {@code UntrustedModelException}); {@code Ed25519Keys}: key generation, PEM files, key ids</li>
 * </ul>
 */
package dev.starlight.core.model;
