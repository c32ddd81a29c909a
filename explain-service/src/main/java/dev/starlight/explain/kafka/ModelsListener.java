package dev.starlight.explain.kafka;

import dev.starlight.explain.model.ModelUpdates;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code starlight.models} (compacted, key = model name, value = model envelope), read from its beginning by every
 * explainer in its own consumer group, as the detector does.
 */
@ApplicationScoped
public class ModelsListener {
    private final ModelUpdates updates;

    public ModelsListener(ModelUpdates updates) {
        this.updates = updates;
    }

    @Incoming(Channels.MODELS)
    @Blocking
    public void onModel(byte[] envelope) {
        updates.onEnvelope(envelope);
    }
}
