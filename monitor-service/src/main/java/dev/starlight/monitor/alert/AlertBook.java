package dev.starlight.monitor.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Alerts by id: fires those whose condition newly holds, resolves firing ones whose condition no longer holds, and
 * tells {@link WebhookSender} about each change. Resolved alerts are kept (the newest {@value #KEEP_RESOLVED}).
 */
@ApplicationScoped
public class AlertBook {
    static final int KEEP_RESOLVED = 200;

    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    private final WebhookSender webhook;

    public AlertBook(WebhookSender webhook) {
        this.webhook = webhook;
    }

    /** Applies the conditions that hold now; returns the alerts that changed state. */
    public List<Alert> apply(Collection<Condition> holding, long nowMs) {
        List<Alert> changed = new ArrayList<>();
        synchronized (this) {
            Set<String> ids = holding.stream().map(Condition::id).collect(Collectors.toSet());
            for (Condition c : holding) {
                Alert a = alerts.get(c.id());
                if (a == null || a.state() == Alert.State.RESOLVED) {
                    Alert fired = Alert.firing(c, nowMs);
                    alerts.remove(c.id()); // re-insert at the end: newest last
                    alerts.put(c.id(), fired);
                    changed.add(fired);
                } else {
                    alerts.put(c.id(), a.updated(c));
                }
            }
            for (Alert a : List.copyOf(alerts.values())) {
                if (a.state() == Alert.State.FIRING && !ids.contains(a.id())) {
                    Alert r = a.resolved(nowMs);
                    alerts.put(a.id(), r);
                    changed.add(r);
                }
            }
            trimResolved();
        }
        changed.forEach(webhook::send);
        return changed;
    }

    public synchronized Optional<Alert> acknowledge(String id, String by, String note, long nowMs) {
        Alert a = alerts.get(id);
        if (a == null) {
            return Optional.empty();
        }
        Alert acked = a.acknowledged(by, note, nowMs);
        alerts.put(id, acked);
        return Optional.of(acked);
    }

    public synchronized List<Alert> all() {
        return new ArrayList<>(alerts.values());
    }

    public synchronized List<Alert> firing() {
        return alerts.values().stream().filter(a -> a.state() == Alert.State.FIRING).toList();
    }

    public synchronized void forEach(Consumer<Alert> action) {
        alerts.values().forEach(action);
    }

    private void trimResolved() {
        long resolved = alerts.values().stream().filter(a -> a.state() == Alert.State.RESOLVED).count();
        var it = alerts.values().iterator();
        while (resolved > KEEP_RESOLVED && it.hasNext()) {
            if (it.next().state() == Alert.State.RESOLVED) {
                it.remove();
                resolved--;
            }
        }
    }
}
