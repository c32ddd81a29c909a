package dev.starlight.lab.report;

import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.explain.Explainer;
import dev.starlight.core.explain.Explanation;
import dev.starlight.core.explain.HeatmapPng;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.ShippedModel;
import dev.starlight.core.scan.ScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Explains one image with the model shipped in starlight-core, as the explain service does at start-up, writes its
 * heatmap PNG and prints the summary line. Makes the example heatmap in explain-service/docs.
 *
 * <pre>bin/heatmap-example IMAGE OUT.png</pre>
 */
public final class HeatmapExample {
    private HeatmapExample() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: bin/heatmap-example IMAGE OUT.png");
            throw new IllegalArgumentException("expected IMAGE OUT.png");
        }
        byte[] image = Files.readAllBytes(Path.of(args[0]));
        OnnxModel model = ShippedModel.envelope().map(e -> OnnxModel.load(e.onnx())).orElse(null);
        try {
            Explanation e = new Explainer(ScanOptions.DEFAULT, model).explain(Path.of(args[0]).getFileName().toString(),
                    image);
            if (e.error() != null) {
                throw new IllegalArgumentException(e.summary());
            }
            Path out = Path.of(args[1]);
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.write(out, HeatmapPng.render(ImageCodecs.decode(image), e.saliency()));
            System.out.println(e.summary());
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }
}
