package dev.starlight.detector.model;

import dev.starlight.core.model.ShippedModel;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import dev.starlight.detector.config.DetectorConfig;
import org.jboss.logging.Logger;

/**
 * At start-up, serves the model that ships with starlight-core ({@link ShippedModel}) unless a model from
 * {@code starlight.models} is already serving; a model published later replaces it like any other swap.
 * {@code starlight.detector.shipped-model=false} starts on the statistics alone instead.
 */
@ApplicationScoped
public class ShippedModelLoader {
    private static final Logger LOG = Logger.getLogger(ShippedModelLoader.class);

    private final ModelUpdates updates;
    private final boolean enabled;

    public ShippedModelLoader(ModelUpdates updates, DetectorConfig config) {
        this.updates = updates;
        this.enabled = config.shippedModel();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("shipped model disabled (starlight.detector.shipped-model=false): statistics decide until a "
                    + "model arrives on the registry topic");
            return;
        }
        ShippedModel.envelope().ifPresentOrElse(envelope -> updates.serve(envelope, "shipped", true),
                () -> LOG.warn("this build ships no default model; statistics decide until one arrives"));
    }
}
