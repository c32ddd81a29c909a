package dev.starlight.trainer.evaluation;

import dev.starlight.core.model.InputStreams;
import dev.starlight.lab.evaluation.EvalReport;
import dev.starlight.lab.evaluation.Evaluator;
import dev.starlight.trainer.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Writes a model's card (Markdown): what it is, what it was trained on, how it did on held-out images, how to remake it. */
public final class ModelCard {
    private ModelCard() {
    }

    public static String markdown(ModelMetrics m, TrainingConfig config, String command, long parameters) {
        StringBuilder out = new StringBuilder();
        ModelMetrics.Training t = m.training();
        line(out, "# Model card: %s %s", m.model(), m.version());
        line(out, "");
        line(out, "Made by `%s` (every figure below was printed by that run).", command);
        line(out, "");
        line(out, "## What it is");
        line(out, "A multi-stream tile classifier (`starlight-trainer` `MultiStreamNetwork`, %,d parameters): one encoder "
                + "per input stream (%s), a learned softmax gate over the streams, and heads for stego (logit), method "
                + "(%d techniques), bit order and a %d-d unit embedding shaped by %s. Tiles of %d×%d pixels; the "
                + "detector scores every tile of an image (up to 64, evenly spread) and takes the most stego-looking "
                + "one. The stego head is shifted by the operating-point logit %.3f, so the detector's 0.5 is this "
                + "model's operating point.", parameters, String.join(", ", config.streams()),
                dev.starlight.trainer.data.MethodLabels.ALL.size(), dev.starlight.trainer.network.MultiStreamNetwork.EMBEDDING,
                config.triplet() ? "a batch-hard triplet loss" : "classification only (no triplet term)",
                config.tileSize(), config.tileSize(), t.threshold());
        line(out, "");
        line(out, "## Data");
        line(out, "Training set `%s`, SHA-256 `%s` (paths and bytes of every file). Splits by cover hash: `train/` "
                + "trains, `validation/` sets the operating point, `holdout/` is reported below; no cover is in two "
                + "splits.", config.data().getFileName(), m.dataSha256());
        line(out, "");
        line(out, "## Training");
        line(out, "| setting | value |");
        line(out, "|---|---|");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tile size", config.tileSize());
        settings.put("tiles per image", config.tilesPerImage());
        settings.put("max images per split", config.maxImages() == 0 ? "all" : config.maxImages());
        settings.put("batch", config.batchSize());
        settings.put("epochs", config.epochs());
        settings.put("Adam learning rate", config.learningRate());
        settings.put("triplet term", config.triplet() ? "weight " + config.tripletWeight() + ", margin "
                + config.tripletMargin() : "off");
        settings.put("seed", config.seed());
        settings.put("PyTorch threads", config.threads());
        settings.put("target FPR (validation clean)", config.targetFpr());
        settings.put("training images / tiles", t.images() + " / " + t.tiles());
        settings.put("steps", t.steps());
        settings.put("training time", String.format(Locale.ROOT, "%.1f s (%.1f tiles/s)", t.seconds(),
                t.tilesPerSecond()));
        settings.put("final epoch loss", String.format(Locale.ROOT, "%.4f", t.finalLoss()));
        settings.put("validation FPR / TPR at the operating point", pct(t.validationFpr()) + " / "
                + pct(t.validationTpr()));
        settings.put("ONNX parity (max abs difference, all outputs)", String.format(Locale.ROOT, "%.2e", t.parity()));
        settings.put("p95 decode + inference per image", String.format(Locale.ROOT, "%.1f ms", m.p95LatencyMs()));
        settings.forEach((k, v) -> line(out, "| %s | %s |", k, v));
        line(out, "");
        line(out, "## Held-out results");
        line(out, "Scanner with this model (`%s`) against the statistics alone (`%s`), same held-out images, the "
                + "evaluator of `starlight eval`.", m.withModel().scanner(), m.statisticsOnly().scanner());
        line(out, "");
        line(out, "| clean group | format | images | FPR statistics only | FPR with model |");
        line(out, "|---|---|---:|---:|---:|");
        for (EvalReport.CleanRow c : m.withModel().clean()) {
            EvalReport.CleanRow s = m.statisticsOnly().clean().stream()
                    .filter(r -> r.group().equals(c.group()) && r.format().equals(c.format())).findFirst().orElse(null);
            line(out, "| %s | %s | %d | %s | %s |", c.group(), c.format(), c.images(),
                    s == null ? "–" : pct(s.fpr()), pct(c.fpr()));
        }
        line(out, "");
        line(out, "| stego group | images | detected, statistics only | detected, with model | model AUC | "
                + "scanner AUC with model | method ok | bit order ok |");
        line(out, "|---|---:|---:|---:|---:|---:|---:|---:|");
        for (EvalReport.StegoRow r : m.withModel().stego()) {
            if (!r.format().equals(Evaluator.ALL)) {
                continue;
            }
            EvalReport.StegoRow s = m.statisticsOnly().stego().stream()
                    .filter(x -> x.group().equals(r.group()) && x.format().equals(Evaluator.ALL)).findFirst()
                    .orElse(null);
            line(out, "| %s | %d | %s | %s | %s | %s | %s | %s |", r.group(), r.images(),
                    s == null ? "–" : pct(s.detectionRate()), pct(r.detectionRate()),
                    num(m.modelAuc().getOrDefault(r.group(), Double.NaN)), num(r.auc()), pct(r.methodCorrect()),
                    pct(r.bitOrderCorrect()));
        }
        line(out, "");
        line(out, "Model AUC over every held-out stego image against the clean covers: %s.",
                num(m.modelAuc().getOrDefault(Evaluator.ALL, Double.NaN)));
        line(out, "");
        line(out, "## Limits");
        line(out, "Trained on generated stego of the five protocol methods and random-position LSB replacement and "
                + "matching only; third-party tools (steghide, outguess, F5, ...) are not in its training data. Lossy "
                + "formats carry no pixel-domain payload here, so the model's pixel streams see JPEG only as clean.");
        if (!config.streams().contains(InputStreams.META)) {
            line(out, "");
            line(out, "No `meta` stream: the model sees samples only, so it cannot tell whether a file has metadata, "
                    + "nor find payloads in metadata or after the image's end (the `exif` and `raw` rows above are "
                    + "found by extraction and the statistics, never by this model; such stego gives no training "
                    + "tile). The shortcut-free streams (%s) are the same for an image with no alpha and with an "
                    + "opaque alpha plane, and for any palette reordering that keeps index pairs together; training "
                    + "adds benign metadata, opaque alpha planes, palette pair reorderings and small crops to clean "
                    + "and stego images alike (`BenignChanges`), and the operating point holds on every validation "
                    + "clean family, not on their pool.", String.join(", ", config.streams()));
        }
        line(out, "");
        line(out, "## Reproduce");
        line(out, "```sh");
        line(out, "%s", command);
        line(out, "```");
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
