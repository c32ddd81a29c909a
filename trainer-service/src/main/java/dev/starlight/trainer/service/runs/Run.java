package dev.starlight.trainer.service.runs;

import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.trainer.TrainingProgress;
import dev.starlight.trainer.TrainingResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The state of one run. The run's thread writes it; HTTP requests and the progress publisher read it, so every
 * access is synchronized (all are brief).
 */
public final class Run {
    /** A progress report and when it came. */
    public record Reported(TrainingProgress progress, Instant at) {
    }

    private final RunPlan plan;
    private final long sequence;
    private final Instant submittedAt;
    private RunStatus status = RunStatus.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private Reported latest;
    private long reports;
    private long reportsPublished;
    private TrainingResult result;
    private ModelEvaluationEvent evaluation;
    private int onnxBytes;
    private boolean published;
    private RunView.RunError error;

    Run(RunPlan plan, long sequence, Instant submittedAt) {
        this.plan = plan;
        this.sequence = sequence;
        this.submittedAt = submittedAt;
    }

    public String id() {
        return plan.id();
    }

    public RunPlan plan() {
        return plan;
    }

    long sequence() {
        return sequence;
    }

    synchronized void started() {
        status = RunStatus.RUNNING;
        startedAt = Instant.now();
    }

    synchronized void progress(TrainingProgress progress) {
        latest = new Reported(progress, Instant.now());
        reports++;
    }

    synchronized void trained(TrainingResult made, ModelEvaluationEvent evaluated) {
        result = made;
        evaluation = evaluated;
        onnxBytes = made.envelope().onnx().length;
    }

    synchronized void succeeded(boolean wasPublished) {
        published = wasPublished;
        ModelEnvelope model = result.envelope();
        progress(finalProgress(TrainingProgress.Phase.DONE, "model " + model.name() + " " + model.version()
                + (wasPublished ? " made and published" : " made (not published)")));
        status = RunStatus.SUCCEEDED;
        finishedAt = Instant.now();
    }

    synchronized void failed(ErrorCode code, String message) {
        error = new RunView.RunError(code, message);
        progress(finalProgress(TrainingProgress.Phase.FAILED, code + ": " + message));
        status = RunStatus.FAILED;
        finishedAt = Instant.now();
    }

    /** The last figures the run reported, under a final phase and message. */
    private TrainingProgress finalProgress(TrainingProgress.Phase phase, String message) {
        TrainingProgress last = latest == null ? TrainingProgress.of(phase, message) : latest.progress();
        return new TrainingProgress(phase, last.step(), last.totalSteps(), last.loss(), last.tilesPerSecond(), message);
    }

    public synchronized RunStatus status() {
        return status;
    }

    /** The latest report if it has not been taken yet; taking it marks it taken. */
    public synchronized Optional<Reported> takeUnpublishedProgress() {
        if (reports == reportsPublished) {
            return Optional.empty();
        }
        reportsPublished = reports;
        return Optional.of(latest);
    }

    /** The model card, once the run has made a model. */
    public synchronized Optional<Path> cardFile() {
        return Optional.ofNullable(result).map(TrainingResult::cardFile);
    }

    public synchronized RunView view() {
        RunView.ModelView model = null;
        RunView.MetricsView metrics = null;
        if (result != null) {
            ModelEnvelope e = result.envelope();
            model = new RunView.ModelView(e.name(), e.version(), e.sha256(), onnxBytes, e.createdAt(),
                    plan.config().out().toString(), published);
            metrics = new RunView.MetricsView(result.metrics().training(), result.metrics().modelAuc(), evaluation);
        }
        return new RunView(plan.id(), status, plan.preset().label(), plan.publish(), plan.config(), submittedAt,
                startedAt, finishedAt, latest == null ? null : latest.progress(), model, metrics, error);
    }
}
