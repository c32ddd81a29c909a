package dev.starlight.monitor.regression;

import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.events.ModelDecisionJson;
import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.core.events.ModelVerdict;
import dev.starlight.monitor.baseline.Evaluations;
import dev.starlight.monitor.baseline.ModelCatalog;
import dev.starlight.monitor.config.MonitorConfig;
import dev.starlight.monitor.ingest.Channels;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Champion/challenger per model name. The first evaluated model of a name becomes its champion; every later one is
 * a candidate judged by {@link RegressionRules} against the champion, and an approved candidate becomes champion.
 * Operators may override. Every decision is published to the decisions topic; on start the topic's decisions are
 * restored first ({@link DecisionLog}), so replayed evaluations are not judged (or published) twice.
 */
@ApplicationScoped
public class ModelDecisions {
    private static final Logger LOG = Logger.getLogger(ModelDecisions.class);

    private final Evaluations evaluations;
    private final ModelCatalog catalog;
    private final RegressionRules rules;
    private final Emitter<String> emitter;
    private final MeterRegistry registry;
    /** name → approved versions, oldest first; the last is the champion. */
    private final Map<String, List<String>> approved = new TreeMap<>();
    /** name → version → latest decision. */
    private final Map<String, Map<String, ModelDecision>> decisions = new TreeMap<>();

    public ModelDecisions(Evaluations evaluations, ModelCatalog catalog, MonitorConfig config,
                          @Channel(Channels.DECISIONS) Emitter<String> emitter, MeterRegistry registry) {
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.rules = RegressionRules.of(config.regression());
        this.emitter = emitter;
        this.registry = registry;
    }

    /** Keeps the evaluation as a baseline and judges it, unless this version was judged already. */
    public synchronized Optional<ModelDecision> onEvaluation(ModelEvaluationEvent candidate, long nowMs) {
        evaluations.put(candidate);
        String name = candidate.model();
        if (decisions.getOrDefault(name, Map.of()).containsKey(candidate.version())) {
            return Optional.empty();
        }
        String champion = champion(name);
        ModelDecision d;
        if (champion == null) {
            d = decision(candidate, ModelVerdict.APPROVED, null, List.of(),
                    "first evaluated model of its name: champion", false, nowMs);
        } else {
            Optional<ModelEvaluationEvent> base = evaluations.get(name, champion);
            String why = base.isEmpty() ? "the champion's evaluation is no longer retained"
                    : RegressionRules.incomparable(base.get(), candidate);
            if (why != null) {
                d = decision(candidate, ModelVerdict.INCOMPARABLE, champion, List.of(), why, false, nowMs);
            } else {
                List<String> broken = rules.broken(base.get(), candidate);
                d = decision(candidate, broken.isEmpty() ? ModelVerdict.APPROVED : ModelVerdict.REJECTED, champion,
                        broken, broken.isEmpty() ? "no rule broken" : broken.size() + " rule(s) broken", false, nowMs);
            }
        }
        publish(d);
        return Optional.of(d);
    }

    /**
     * An operator's decision on a version published on {@code starlight.models}, evaluated, or decided before (a model
     * published without an evaluation, e.g. a hand-made one, can be approved or rejected too: detectors hold it until
     * a decision names it); empty when the monitor has seen none of these.
     */
    public synchronized Optional<ModelDecision> override(String name, String version, boolean approve, String reason,
                                                    long nowMs) {
        ModelDecision previous = decisions.getOrDefault(name, Map.of()).get(version);
        if (previous == null && evaluations.get(name, version).isEmpty() && !catalog.has(name, version)) {
            return Optional.empty();
        }
        ModelDecision d = new ModelDecision(ModelDecision.TYPE, name, version,
                approve ? ModelVerdict.APPROVED : ModelVerdict.REJECTED,
                previous == null ? champion(name) : previous.comparedWith(),
                previous == null ? List.of() : previous.brokenRules(),
                "operator " + (approve ? "approved" : "rejected") + ": " + (reason == null ? "" : reason), true,
                null, nowMs);
        d = withChampion(d);
        publish(d);
        return Optional.of(d);
    }

    /** A decision read back from the topic at start-up. */
    public synchronized void restore(ModelDecision d) {
        if (d.model() != null && d.version() != null && d.verdict() != null) {
            apply(d);
        }
    }

    public synchronized String champion(String name) {
        List<String> chain = approved.get(name);
        return chain == null || chain.isEmpty() ? null : chain.get(chain.size() - 1);
    }

    public synchronized List<ModelDecision> all() {
        List<ModelDecision> out = new ArrayList<>();
        decisions.values().forEach(v -> out.addAll(v.values()));
        return out;
    }

    public synchronized List<ModelDecision> forName(String name) {
        return new ArrayList<>(decisions.getOrDefault(name, Map.of()).values());
    }

    public synchronized Map<String, String> champions() {
        Map<String, String> out = new TreeMap<>();
        approved.keySet().forEach(n -> out.put(n, champion(n)));
        return out;
    }

    private ModelDecision decision(ModelEvaluationEvent c, ModelVerdict v, String comparedWith, List<String> broken,
                                   String reason, boolean override, long nowMs) {
        return withChampion(new ModelDecision(ModelDecision.TYPE, c.model(), c.version(), v, comparedWith, broken,
                reason, override, null, nowMs));
    }

    /** Applies the decision to the champion chain and returns it with the resulting champion. */
    private ModelDecision withChampion(ModelDecision d) {
        apply(d);
        ModelDecision done = d.withChampion(champion(d.model()));
        decisions.get(d.model()).put(d.version(), done);
        return done;
    }

    private void apply(ModelDecision d) {
        List<String> chain = approved.computeIfAbsent(d.model(), n -> new ArrayList<>());
        if (d.verdict() == ModelVerdict.APPROVED) {
            chain.remove(d.version());
            chain.add(d.version());
        } else if (d.override()) {
            chain.remove(d.version());
        }
        decisions.computeIfAbsent(d.model(), n -> new TreeMap<>()).put(d.version(), d);
    }

    private void publish(ModelDecision d) {
        registry.counter("starlight.monitor.decisions", "verdict", d.verdict().name(),
                "override", String.valueOf(d.override())).increment();
        LOG.infof("model %s %s: %s (%s); champion %s", d.model(), d.version(), d.verdict(), d.reason(), d.champion());
        try {
            emitter.send(Message.of(ModelDecisionJson.write(d)).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(d.model()).build()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "decision on %s %s not published", d.model(), d.version());
        }
    }
}
