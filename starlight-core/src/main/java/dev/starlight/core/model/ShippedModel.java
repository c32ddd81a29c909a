package dev.starlight.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The default model that ships inside this library: trained by {@code bin/starlight train} on the shared corpus,
 * with its card beside it ({@code MODEL_CARD.md} in the same resource folder, also in {@code docs/models/}). The
 * detector serves it until a model arrives on {@code starlight.models}; {@code starlight scan} uses it unless told
 * otherwise, so both give the same answer for the same bytes.
 */
public final class ShippedModel {
    public static final String RESOURCE = "/dev/starlight/core/model/default/model.slme";

    private ShippedModel() {
    }

    /** The shipped envelope (checksum verified), or empty when this build carries none. */
    public static Optional<ModelEnvelope> envelope() {
        try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(ModelEnvelope.fromBytes(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped model " + RESOURCE, e);
        }
    }
}
