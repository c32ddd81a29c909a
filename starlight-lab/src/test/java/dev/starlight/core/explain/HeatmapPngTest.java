package dev.starlight.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.lab.dataset.SyntheticCovers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heatmap of 64×64 images explained with {@link AlphaLsbModel}: scaled up, drawn over the image, payload filled
 * and outlined, with a legend. Each picture is also written to {@code target/heatmaps/} to look at.
 */
class HeatmapPngTest {
    static final int SIZE = 64;
    static final int S = HeatmapPng.scaleFor(SIZE, SIZE);
    static OnnxModel model;
    static Explainer explainer;

    @BeforeAll
    static void load() {
        model = OnnxModel.load(AlphaLsbModel.onnx());
        explainer = new Explainer(ScanOptions.DEFAULT, model);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static byte[] cover() {
        return AlphaLsbModel.opaque(SyntheticCovers.encoded(ImageFormat.PNG, SIZE, 21));
    }

    static Rendered render(String name, byte[] image) throws Exception {
        Explanation e = explainer.explain(name, image);
        byte[] png = HeatmapPng.render(ImageCodecs.decode(image), e.saliency());
        Path dir = Files.createDirectories(Path.of("target", "heatmaps"));
        Files.write(dir.resolve(name + ".png"), png);
        return new Rendered(e, ImageIO.read(new ByteArrayInputStream(png)));
    }

    record Rendered(Explanation explanation, BufferedImage png) {
        /** The centre of source pixel (x, y) in the picture. */
        int at(int x, int y) {
            return png.getRGB(x * S + S / 2, y * S + S / 2) & 0xFFFFFF;
        }

        long payloadPixels() {
            return explanation.saliency().regions().get(0).pixels();
        }
    }

    /** How far a colour leans to magenta (0 for a grey). */
    static int magenta(int rgb) {
        return ((rgb >> 16 & 0xFF) + (rgb & 0xFF)) / 2 - (rgb >> 8 & 0xFF);
    }

    static int redOverBlue(int rgb) {
        return (rgb >> 16 & 0xFF) - (rgb & 0xFF);
    }

    @Test
    void aSmallImageIsScaledUpByNearestNeighbourToAtLeast512Pixels() throws Exception {
        Rendered r = render("lsb-rgb", Protocol.embed(cover(), Method.LSB_RGB, AlphaLsbModel.MESSAGE,
                EmbedOptions.DEFAULT));

        assertThat(S).isEqualTo(8);
        assertThat(r.png().getWidth()).isGreaterThanOrEqualTo(512).isEqualTo(SIZE * S);
        assertThat(r.png().getHeight()).isEqualTo(SIZE * S + HeatmapPng.LEGEND_HEIGHT);
        int rgb = r.png().getRGB(40 * S, 40 * S);
        for (int dy = 0; dy < S; dy++) {
            for (int dx = 0; dx < S; dx++) {
                assertThat(r.png().getRGB(40 * S + dx, 40 * S + dy)).isEqualTo(rgb);
            }
        }
        assertThat(HeatmapPng.scaleFor(1024, 300)).isEqualTo(1);
    }

    @Test
    void thePayloadRegionIsFilledAndOutlinedInThePayloadColour() throws Exception {
        Rendered r = render("lsb-rgb", Protocol.embed(cover(), Method.LSB_RGB, AlphaLsbModel.MESSAGE,
                EmbedOptions.DEFAULT));
        long pixels = r.payloadPixels();
        assertThat(pixels).isGreaterThan(2L * SIZE);

        // inside and outside the run, in the same tile (32×32: same overlay), on the grey image
        int inside = r.at(20, 1);
        int outside = r.at(20, 20);
        assertThat(pixels).isLessThan(20L * SIZE);
        assertThat(magenta(inside) - magenta(outside)).isGreaterThan(40);
        assertThat(r.png().getRGB(0, 0) & 0xFFFFFF).isEqualTo(HeatmapPng.PAYLOAD);
        // the outline is thick: at least 3 picture pixels
        for (int y = 0; y < 3; y++) {
            assertThat(r.png().getRGB(20 * S, y) & 0xFFFFFF).isEqualTo(HeatmapPng.PAYLOAD);
        }
        assertThat(r.png().getRGB(20 * S, 40 * S) & 0xFFFFFF).isNotEqualTo(HeatmapPng.PAYLOAD);
    }

    @Test
    void theModelsSalienceIsOverlaidOnTheImage() throws Exception {
        Rendered r = render("alpha", Protocol.embed(cover(), Method.ALPHA, AlphaLsbModel.MESSAGE,
                EmbedOptions.DEFAULT));
        // the alpha model's top tiles are in the first tile row, where the message is: redder than the last row
        assertThat(r.payloadPixels()).isLessThan(30L * SIZE);
        assertThat(redOverBlue(r.at(20, 30))).isGreaterThan(redOverBlue(r.at(20, 60)) + 60);
    }

    @Test
    void aCleanImageHasNoPayloadColourAndABlueOverlay() throws Exception {
        Rendered r = render("clean", cover());
        for (int y = 0; y < SIZE * S; y += 3) {
            for (int x = 0; x < SIZE * S; x += 3) {
                assertThat(r.png().getRGB(x, y) & 0xFFFFFF).isNotEqualTo(HeatmapPng.PAYLOAD);
            }
        }
        assertThat(redOverBlue(r.at(10, 10))).isNegative();
    }

    @Test
    void aLegendBandRunsFromTheLowToTheHighEndOfTheScaleAndShowsThePayloadSwatch() throws Exception {
        Rendered r = render("legend", cover());
        int top = SIZE * S;
        int y = top + HeatmapPng.BAR_Y + HeatmapPng.BAR_HEIGHT / 2;
        assertThat(r.png().getRGB(HeatmapPng.BAR_X, y) & 0xFFFFFF).isEqualTo(HeatmapPng.colour(0));
        assertThat(r.png().getRGB(HeatmapPng.BAR_X + HeatmapPng.BAR_WIDTH - 1, y) & 0xFFFFFF)
                .isEqualTo(HeatmapPng.colour(1));
        int previous = Integer.MIN_VALUE;
        for (int x = 0; x < HeatmapPng.BAR_WIDTH; x += 10) {
            int redness = redOverBlue(r.png().getRGB(HeatmapPng.BAR_X + x, y));
            assertThat(redness).isGreaterThanOrEqualTo(previous);
            previous = redness;
        }
        assertThat(redOverBlue(HeatmapPng.colour(0))).isNegative();
        assertThat(redOverBlue(HeatmapPng.colour(1))).isGreaterThan(150);
        int swatch = HeatmapPng.BAR_X + HeatmapPng.BAR_WIDTH + 24;
        assertThat(r.png().getRGB(swatch, y) & 0xFFFFFF).isEqualTo(HeatmapPng.PAYLOAD);
        // the band has labels: some light text pixels under the bar
        int light = 0;
        for (int ty = top + HeatmapPng.BAR_Y + HeatmapPng.BAR_HEIGHT; ty < top + HeatmapPng.LEGEND_HEIGHT; ty++) {
            for (int tx = 0; tx < HeatmapPng.BAR_X + HeatmapPng.BAR_WIDTH; tx++) {
                if ((r.png().getRGB(tx, ty) & 0xFF) > 180) {
                    light++;
                }
            }
        }
        assertThat(light).isGreaterThan(20);
    }
}
