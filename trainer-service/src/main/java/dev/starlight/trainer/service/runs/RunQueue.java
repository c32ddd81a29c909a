package dev.starlight.trainer.service.runs;

import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.trainer.TrainingResult;
import dev.starlight.trainer.TrainingRun;
import dev.starlight.trainer.publish.EvaluationEvents;
import dev.starlight.trainer.service.config.TrainerConfig;
import dev.starlight.trainer.service.kafka.ModelPublisher;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Accepts runs and executes them one at a time, in order, on a single background thread: training takes every
 * core it is given, so two runs at once would only both be slow. Runs are kept in memory (a restart forgets them;
 * their folders stay under the work dir).
 */
@Startup
@ApplicationScoped
public class RunQueue {
    private static final Logger LOG = Logger.getLogger(RunQueue.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final TrainerConfig config;
    private final ModelPublisher publisher;
    private final TrainingMetrics metrics;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "training-run");
        t.setDaemon(true);
        return t;
    });

    public RunQueue(TrainerConfig config, ModelPublisher publisher, TrainingMetrics metrics) {
        this.config = config;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Checks the request and queues the run; throws {@link RunException} for a bad request. */
    public RunView submit(RunRequest request) {
        Run run;
        do {
            RunPlan plan = RunPlan.of(newId(), request, config.workDir(), config.threads());
            run = new Run(plan, sequence.incrementAndGet(), Instant.now());
        } while (runs.putIfAbsent(run.id(), run) != null);
        RunView queuedView = run.view();
        LOG.infof("run %s queued: %s", run.id(), run.plan().config());
        Run queued = run;
        executor.execute(() -> execute(queued));
        return queuedView;
    }

    /** Every run, newest first. */
    public List<Run> all() {
        return runs.values().stream().sorted(Comparator.comparingLong(Run::sequence).reversed()).toList();
    }

    public Optional<Run> find(String id) {
        return Optional.ofNullable(id == null ? null : runs.get(id));
    }

    /** Whether the executor still takes runs. */
    public boolean alive() {
        return !executor.isShutdown();
    }

    public long count(RunStatus status) {
        return runs.values().stream().filter(r -> r.status() == status).count();
    }

    private void execute(Run run) {
        run.started();
        metrics.started();
        LOG.infof("run %s started", run.id());
        try {
            TrainingResult result = TrainingRun.run(run.plan().config(), progress -> {
                run.progress(progress);
                metrics.progress(progress);
            });
            ModelEvaluationEvent evaluation = EvaluationEvents.of(result.metrics(), System.currentTimeMillis());
            run.trained(result, evaluation);
            if (run.plan().publish()) {
                publisher.publish(result.envelope(), evaluation)
                        .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            run.succeeded(run.plan().publish());
            LOG.infof("run %s made %s", run.id(), result.envelope());
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            fail(run, ErrorCode.PUBLISH_FAILED, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(run, ErrorCode.TRAINING_FAILED, e);
        } catch (Throwable e) {
            fail(run, ErrorCode.TRAINING_FAILED, e);
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } finally {
            metrics.finished(run.status());
        }
    }

    private static void fail(Run run, ErrorCode code, Throwable cause) {
        LOG.errorf(cause, "run %s failed (%s)", run.id(), code);
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        run.failed(code, message);
    }

    /** Sortable by time, unique by the random tail: {@code 20250101-120000-a1b2}. */
    private static String newId() {
        byte[] tail = new byte[2];
        ThreadLocalRandom.current().nextBytes(tail);
        return ID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(tail);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
