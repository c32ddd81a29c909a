package dev.starlight.explain.model;

import dev.starlight.codecs.StarlightException;
import dev.starlight.core.explain.Explainer;
import dev.starlight.codecs.image.ImageLimits;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.ShippedModel;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.explain.config.ExplainConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The explainer with the current model: the shipped default from start-up (when configured and present), then
 * each model published on {@code starlight.models}; evidence only while there is none. A model that fails to load
 * is refused and the current one stays.
 */
@ApplicationScoped
public class ExplainModels {
    private static final Logger LOG = Logger.getLogger(ExplainModels.class);

    private final ExplainConfig config;
    private final ScanOptions options;
    private final AtomicReference<Explainer> current;
    /** name and version of the envelope explained with; null while none */
    private volatile String serving;

    public ExplainModels(ExplainConfig config) {
        this.config = config;
        this.options = new ScanOptions(ImageLimits.DEFAULT.withMaxBytes(config.maxImageBytes())
                .withMaxPixels(config.maxPixels()), true);
        this.current = new AtomicReference<>(new Explainer(options));
    }

    void onStart(@Observes StartupEvent event) {
        if (config.shippedModel()) {
            ShippedModel.envelope().ifPresentOrElse(e -> serve(e, "shipped"),
                    () -> LOG.info("no shipped model in this build: explaining with the evidence alone"));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        OnnxModel model = current.get().model();
        if (model != null) {
            model.close();
        }
    }

    public Explainer current() {
        return current.get();
    }

    public ScanOptions options() {
        return options;
    }

    /** True when the model of this name and version is the one explanations are made with. */
    public boolean serving(String name, String version) {
        return (name + ' ' + version).equals(serving);
    }

    /** Loads the envelope's model and explains with it from now on; keeps the current one when it fails. */
    public void serve(ModelEnvelope envelope, String source) {
        OnnxModel model;
        try {
            model = OnnxModel.load(envelope.onnx());
        } catch (StarlightException e) {
            LOG.warnf("model %s %s from %s refused (%s): %s", envelope.name(), envelope.version(), source, e.code(),
                    e.getMessage());
            return;
        }
        Explainer old = current.getAndSet(new Explainer(options, model));
        serving = envelope.name() + ' ' + envelope.version();
        LOG.infof("explaining with model %s %s from %s", envelope.name(), envelope.version(), source);
        if (old.model() != null) {
            // waits for predictions in flight; an explanation that starts on the old model after this is retried
            old.model().close();
        }
    }
}
