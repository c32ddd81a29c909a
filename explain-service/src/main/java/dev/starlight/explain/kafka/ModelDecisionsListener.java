package dev.starlight.explain.kafka;

import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.events.ModelDecisionJson;
import dev.starlight.explain.model.ModelUpdates;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code starlight.models.decisions} (compacted, key = model name, value = JSON {@link ModelDecision}), the monitor's
 * regression decisions, read from the beginning; obeyed with {@code starlight.explain.require-approval}.
 */
@ApplicationScoped
public class ModelDecisionsListener {
    private static final Logger LOG = Logger.getLogger(ModelDecisionsListener.class);

    private final ModelUpdates updates;

    public ModelDecisionsListener(ModelUpdates updates) {
        this.updates = updates;
    }

    @Incoming(Channels.MODEL_DECISIONS)
    @Blocking
    public void onDecision(String value) {
        if (value == null) {
            return;
        }
        try {
            updates.onDecision(ModelDecisionJson.read(value.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s: ignored", e.getMessage());
        }
    }
}
