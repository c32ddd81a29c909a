package dev.starlight.core.model;

import static dev.starlight.core.model.OnnxGraphWriter.integer;
import static dev.starlight.core.model.OnnxGraphWriter.ints;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.core.scan.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model that decides alone names its method, mapped to where the bits sit in the image. */
class ModelDetectorTest {
    static final String LABELS = "alpha,palette,lsb.rgb,exif,raw,lsb.replace,lsb.match";

    /** stego_logit = 5 on every tile; method_logits = 3 for {@code top}, 0 elsewhere. */
    static byte[] confidentModel(int top) {
        float[] logits = new float[7];
        logits[top] = 3f;
        return new OnnxGraphWriter("confident")
                .input("lsb", -1, 3, 64, 64)
                .constantLongs("column", -1, 1)
                .constant("zero", new long[] {1}, 0f)
                .constant("five", new long[] {1}, 5f)
                .constant("zeros", new long[] {1, 7}, new float[7])
                .constant("logits", new long[] {7}, logits)
                .node("ReduceMean", List.of("lsb"), "mean4", ints("axes", 1, 2, 3), integer("keepdims", 1))
                .node("Reshape", List.of("mean4", "column"), "mean")
                .node("Mul", List.of("mean", "zero"), "nothing")
                .node("Add", List.of("nothing", "five"), "stego_logit")
                .node("Mul", List.of("mean", "zeros"), "row")
                .node("Add", List.of("row", "logits"), "method_logits")
                .output("stego_logit", -1, 1)
                .output("method_logits", -1, 7)
                .metadata(ModelInfo.NAME, "confident")
                .metadata(ModelInfo.VERSION, "1")
                .metadata(ModelInfo.METHOD_LABELS, LABELS)
                .toBytes();
    }

    private static ScanResult scan(int top, byte[] image) {
        try (OnnxModel model = OnnxModel.load(confidentModel(top))) {
            return new Scanner(ScanOptions.DEFAULT, List.of(new ModelDetector(model)), "1", null).scan(image);
        }
    }

    @Test
    void randomLsbInColourSamplesIsReportedAsLsbRgb() {
        ScanResult r = scan(6, SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, 1)));
        assertThat(r.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(r.method()).isEqualTo("lsb.rgb");
        assertThat(r.evidence()).anySatisfy(e -> assertThat(e.method()).isEqualTo("lsb.rgb"));
    }

    @Test
    void randomLsbInPaletteIndicesIsReportedAsPalette() {
        ScanResult r = scan(5, SyntheticImages.encode(SyntheticImages.indexed(ImageFormat.GIF, 64, 64, 64, 2)));
        assertThat(r.method()).isEqualTo("palette");
    }

    @Test
    void protocolLabelsAreReportedAsTheyAre() {
        ScanResult r = scan(3, SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, 3)));
        assertThat(r.method()).isEqualTo("exif");
    }
}
