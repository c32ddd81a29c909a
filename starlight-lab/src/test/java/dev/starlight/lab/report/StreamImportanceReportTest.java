package dev.starlight.lab.report;

import dev.starlight.core.explain.AlphaLsbModel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report over a small labelled set with {@link AlphaLsbModel}: alpha messages rest on the alpha stream. */
class StreamImportanceReportTest {

    @Test
    void alphaMessagesNeedTheAlphaStreamAndNothingElse(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("clean"));
        Files.createDirectories(dir.resolve("stego/alpha"));
        for (int i = 0; i < 6; i++) {
            byte[] cover = AlphaLsbModel.opaque(dev.starlight.lab.dataset.SyntheticCovers.encoded(
                    dev.starlight.codecs.image.ImageFormat.PNG, 64, 40 + i));
            Files.write(dir.resolve("clean/c" + i + ".png"), cover);
            Files.write(dir.resolve("stego/alpha/s" + i + ".png"),
                    Protocol.embed(cover, Method.ALPHA, AlphaLsbModel.MESSAGE, EmbedOptions.DEFAULT));
        }
        Files.write(dir.resolve("model.onnx"), AlphaLsbModel.onnx());
        Path out = dir.resolve("report.md");

        StreamImportanceReport.main(new String[] {"--onnx", dir.resolve("model.onnx").toString(), "--images",
                dir.toString(), "--out", out.toString()});
        String md = Files.readString(out);

        assertThat(md).contains("- model: `alpha-lsb` version `test-1`").contains("12 of 12 images");
        assertThat(md).containsPattern("\\| alpha \\| 6 \\| [0-9.]+ \\| [+-]0\\.\\d+ \\| [+-]0\\.\\d+ \\| -\\d+\\.\\d+ \\|");
        assertThat(md).contains("| alpha | 1.000 | +0.000 | +0.000 | -");
        assertThat(md).contains("(could be dropped with no measured loss): pixels, lsb.");
        assertThat(md).contains("| alpha | 6 | 0 |  | 0 |  |");
    }
}
