package dev.starlight.trainer.report;

import dev.starlight.core.analysis.fusion.FusionModel;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.scan.Scanner;
import dev.starlight.trainer.report.RobustnessReport.AttackRow;
import dev.starlight.trainer.report.RobustnessReport.Counts;
import dev.starlight.trainer.report.RobustnessReport.Options;
import dev.starlight.trainer.report.RobustnessReport.RealisableRow;
import dev.starlight.trainer.report.RobustnessReport.Setting;
import dev.starlight.trainer.report.RobustnessReport.Tally;
import dev.starlight.trainer.report.RobustnessReport.TransformRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The robustness report as Markdown: a header naming model, data, command and machine, then the three parts. */
final class RobustnessMarkdown {
    private static final String CLEAN = RobustnessReport.CLEAN;
    private static final String VARIANTS = RobustnessReport.VARIANTS;
    private static final String STEGO = RobustnessReport.STEGO;

    private RobustnessMarkdown() {
    }

    static String of(Options o, Setting m, List<AttackRow> attacks, List<RealisableRow> realisable,
                     Map<String, Integer> skipped, List<TransformRow> transforms) {
        StringBuilder b = new StringBuilder();
        header(b, o, m);
        attacks(b, o, m, attacks);
        realisable(b, realisable, skipped);
        transforms(b, transforms);
        return b.toString();
    }

    private static void header(StringBuilder b, Options o, Setting m) {
        List<LabelledImage> images = m.images();
        String trainedOn = m.run().metrics().dataSha256();
        b.append(ReportHeader.of("Robustness", m.run(), o.data().toString(), o.command()));
        b.append("- `--data` checksum: ").append(m.dataSha256().equals(trainedOn) ? "the same as the training set's"
                : "`" + m.dataSha256() + "`, **not the set this model was trained on**").append('\n');
        b.append("- threads: ").append(o.threads()).append(" (PyTorch and scanner); seed ").append(o.seed())
                .append('\n');
        b.append("- images: ").append(images.size()).append(" of the ").append(m.holdoutImages())
                .append(" held-out images (`holdout/`), spread evenly over the sorted list so every group appears: ")
                .append(images.stream().filter(LabelledImage::stego).count()).append(" stego, ")
                .append(images.stream().filter(i -> !i.stego()).count()).append(" clean (covers and variants)\n");
        b.append("- operating point: the network's stego logit ≥ ").append(fmt(m.threshold(), 4))
                .append(" (metrics.training.threshold), i.e. the exported model's logit ≥ 0\n\n");
    }

    private static void attacks(StringBuilder b, Options o, Setting m, List<AttackRow> attacks) {
        AttackRow first = attacks.get(0);
        b.append("## 1. Gradient attacks on the model (white box)\n\n");
        b.append("The attacker knows the network and its weights and follows the gradient of the stego logit with "
                + "respect to the inputs (DJL autograd, inference mode). Perturbed: ")
                .append(m.attackedStreams().isEmpty() ? "nothing: the model reads neither `pixels` nor `alpha`"
                        : String.join(" and ", m.attackedStreams().stream().map(s -> "`" + s + "`").toList()))
                .append(" (all of `pixels`; channel 0 of `alpha`, the scaled alpha, on images that have alpha). "
                        + "`lsb`, alpha channel 1 (alpha & 1) and the vector streams (`palette`, `meta`, `stats`) "
                        + "keep the values computed from the clean image, so this measures how far the pixel "
                        + "encoders alone can be pushed: a real change of the pixels would also change `lsb` and "
                        + "`stats`.\n\n");
        b.append("- **FGSM:** one step x + ε·sign(∇), clipped to [0, 1].\n");
        b.append("- **PGD:** ").append(GradientAttack.PGD_STEPS).append(" steps of ε/4 from the clean input (no "
                + "random start), each projected onto the L∞ ball of radius ε and onto [0, 1]; the best iterate per "
                + "tile is kept.\n");
        b.append("- **Objective:** stego tiles: the sender pushes the logit down (evasion); clean tiles: an attacker "
                + "pushes it up (false alarm).\n");
        b.append("- **Success rate:** of the tiles the model got right at the operating point (stego tiles detected, "
                + "clean tiles passed), the fraction the attack flips. Mean Δ logit is over all tiles of the "
                + "class.\n");
        b.append("- **Tiles:** up to ").append(o.tilesPerImage()).append(" per image: payload-carrying tiles of "
                + "stego images (").append(first.stego().tiles()).append(" tiles, ").append(first.stego().correct())
                .append(" detected before the attack), random tiles of clean images (").append(first.clean().tiles())
                .append(" tiles, ").append(first.clean().correct()).append(" passed). ε is on the 0..1 scale of "
                        + "`pixels`: ε = 0.001 is a quarter of a grey level, 0.02 about five.\n\n");
        b.append("| attack | ε | stego tiles detected | evaded | evasion success | mean Δ logit, stego | "
                + "clean tiles passed | flipped | false-alarm success | mean Δ logit, clean |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AttackRow r : attacks) {
            b.append("| ").append(r.kind().label()).append(" | ").append(eps(r.epsilon())).append(" | ")
                    .append(r.stego().correct()).append(" / ").append(r.stego().tiles()).append(" | ")
                    .append(r.stego().flipped()).append(" | ").append(pct(r.stego().successRate())).append(" | ")
                    .append(signed(r.stego().meanDelta())).append(" | ")
                    .append(r.clean().correct()).append(" / ").append(r.clean().tiles()).append(" | ")
                    .append(r.clean().flipped()).append(" | ").append(pct(r.clean().successRate())).append(" | ")
                    .append(signed(r.clean().meanDelta())).append(" |\n");
        }
        b.append("\nEvasion success per method (of each method's detected payload tiles):\n\n");
        b.append("| method | tiles | detected |");
        attacks.forEach(r -> b.append(' ').append(r.kind().label()).append(" ε=").append(eps(r.epsilon()))
                .append(" |"));
        b.append("\n|---|---:|---:|").append("---:|".repeat(attacks.size())).append('\n');
        for (String method : first.byMethod().keySet()) {
            Tally t = first.byMethod().get(method);
            b.append("| ").append(method).append(" | ").append(t.tiles()).append(" | ").append(t.correct())
                    .append(" |");
            attacks.forEach(r -> b.append(' ').append(pct(r.byMethod().get(method).successRate())).append(" |"));
            b.append('\n');
        }
    }

    private static void realisable(StringBuilder b, List<RealisableRow> realisable, Map<String, Integer> skipped) {
        b.append("\n## 2. Realisable attacks (8-bit files)\n\n");
        b.append("A perturbation of the float inputs is not a file. Here the FGSM step is taken on the stored "
                + "samples of each lossless, 8-bit, non-indexed held-out stego image: the gradient of the summed "
                + "tile logits with respect to each sample (all tile elements reading it added up, alpha included "
                + "where the image has it), each sample moved by ε·255 along its sign, rounded to an integer and "
                + "clamped to 0..255. The samples are written back into the original container (other chunks, "
                + "metadata and trailer kept), the file is decoded again, every stream (`lsb` and `stats` included) "
                + "is rebuilt with `ModelInputs`, and the exported ONNX model scores it (largest tile logit, "
                + "detected at ≥ 0). Below half a grey level (ε < 0.00196) rounding leaves the file unchanged. "
                + "Moving samples rewrites their low bits, so the message column says whether the sender would "
                + "still have a message to send.\n\n");
        if (!skipped.isEmpty()) {
            b.append("Stego images not attacked: ");
            List<String> parts = new ArrayList<>();
            skipped.forEach((why, n) -> parts.add(n + " " + why));
            b.append(String.join(", ", parts)).append(".\n\n");
        }
        b.append("| ε | step (grey levels) | images | detected before | evaded (now clean) | evasion success | "
                + "samples changed | message intact |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RealisableRow r : realisable) {
            b.append("| ").append(eps(r.epsilon())).append(" | ").append(fmt(r.epsilon() * 255, 3)).append(" | ")
                    .append(r.images()).append(" | ").append(r.detected()).append(" | ").append(r.evaded())
                    .append(" | ").append(pct(r.detected() == 0 ? Double.NaN : r.evaded() / (double) r.detected()))
                    .append(" | ").append(pct(r.samples() == 0 ? Double.NaN : r.changed() / (double) r.samples()))
                    .append(" | ").append(r.known() == 0 ? "–" : r.messagesAfter() + " / " + r.known() + " (before: "
                            + r.messagesBefore() + ")").append(" |\n");
        }
    }

    private static void transforms(StringBuilder b, List<TransformRow> transforms) {
        b.append("\n## 3. Real-world transformations\n\n");
        b.append("Each held-out image (stego and clean) is transformed and scanned by the full scanner with this "
                + "model and by the statistics alone (no model; `" + statisticsVersion() + "`), as `starlight eval` "
                + "does. Detection rate: stego verdicts among stego images; FPR: stego verdicts among clean "
                + "images. \"Message intact\": an extractor still reads exactly the embedded message from the "
                + "transformed file, at any confidence "
                + "(images whose message the set records; the scanner reports a payload only at confidence >= "
                + Protocol.MESSAGE_THRESHOLD + "). "
                + "Not applicable (an image too small to crop) is left out of the rates.\n\n");
        b.append("| transformation | what | FPR clean covers, model / stats | FPR clean variants, model / stats | "
                + "stego detected, model / stats | message intact | errors |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (TransformRow r : transforms) {
            int errors = 0;
            for (String key : List.of(CLEAN, VARIANTS, STEGO)) {
                errors += r.get(key).errors();
            }
            b.append("| ").append(r.name()).append(" | ").append(r.description()).append(" | ")
                    .append(rates(r.get(CLEAN))).append(" | ").append(rates(r.get(VARIANTS))).append(" | ")
                    .append(rates(r.get(STEGO))).append(" | ").append(recovered(r.get(STEGO))).append(" | ")
                    .append(errors).append(" |\n");
        }
        TreeSet<String> groups = new TreeSet<>();
        transforms.forEach(r -> r.counts().keySet().stream().filter(k -> k.startsWith("stego:"))
                .forEach(k -> groups.add(k.substring("stego:".length()))));
        b.append("\nDetection per stego group, model / stats:\n\n");
        groupTable(b, transforms, groups, RobustnessMarkdown::rates);
        b.append("\nMessage intact per stego group (which payloads survive):\n\n");
        groupTable(b, transforms, groups, RobustnessMarkdown::recovered);
    }

    private static void groupTable(StringBuilder b, List<TransformRow> transforms, TreeSet<String> groups,
                                   java.util.function.Function<Counts, String> cell) {
        b.append("| group | images |");
        transforms.forEach(r -> b.append(' ').append(r.name()).append(" |"));
        b.append("\n|---|---:|").append("---:|".repeat(transforms.size())).append('\n');
        for (String g : groups) {
            b.append("| ").append(g).append(" | ").append(transforms.get(0).get("stego:" + g).images()).append(" |");
            transforms.forEach(r -> b.append(' ').append(cell.apply(r.get("stego:" + g))).append(" |"));
            b.append('\n');
        }
    }

    private static String rates(Counts c) {
        int n = c.scanned();
        if (n == 0) {
            return "–";
        }
        return pct(c.withModel() / (double) n) + " / " + pct(c.statistics() / (double) n);
    }

    private static String recovered(Counts c) {
        return c.known() == 0 ? "–" : c.recovered() + " / " + c.known();
    }

    static String eps(float e) {
        return String.format(Locale.ROOT, "%s", new java.math.BigDecimal(Float.toString(e)).stripTrailingZeros()
                .toPlainString());
    }

    private static String pct(double v) {
        return ReportHeader.pct(v);
    }

    private static String signed(double v) {
        return ReportHeader.signed(v);
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The fusion fit's version (the statistics-only scanner's), for the record. */
    static String statisticsVersion() {
        return Scanner.defaultVersion(FusionModel.shipped());
    }
}
