package dev.starlight.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.scan.ScanOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Explanations with a real ONNX Runtime session over {@link AlphaLsbModel}, whose answer is known. */
class ExplainerTest {
    static final byte[] MESSAGE = AlphaLsbModel.MESSAGE;

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
        return SyntheticCovers.encoded(ImageFormat.PNG, 96, 11);
    }

    @Test
    void anAlphaPayloadRanksTheAlphaStreamFirst() {
        byte[] stego = Protocol.embed(AlphaLsbModel.opaque(cover()), Method.ALPHA, MESSAGE, EmbedOptions.DEFAULT);
        Explanation e = explainer.explain("alpha-1", stego);

        assertThat(e.error()).isNull();
        assertThat(e.scan().method()).isEqualTo("alpha");
        List<StreamImportance> streams = e.model().streams();
        assertThat(streams).extracting(StreamImportance::stream).containsExactlyInAnyOrder("pixels", "lsb", "alpha");
        assertThat(streams.get(0).stream()).isEqualTo("alpha");
        assertThat(streams.get(0).logitChange()).isLessThan(-5);
        assertThat(Math.abs(streams.get(1).logitChange())).isLessThan(1);
        assertThat(streams.get(0).ablatedLogit() - e.model().imageLogit())
                .isCloseTo(streams.get(0).logitChange(), within(1e-9));
        assertThat(e.model().gates()).containsOnlyKeys("pixels", "lsb", "alpha");
        assertThat(streams.get(0).gate()).isEqualTo(e.model().gates().get("alpha"));
        assertThat(e.summary()).startsWith("stego (alpha, message " + MESSAGE.length + " bytes) — evidence: ")
                .contains("stream alpha drove the score");
    }

    @Test
    void withoutAnAlphaPayloadTheAlphaStreamChangesNothing() {
        Explanation e = explainer.explain("opaque-1", AlphaLsbModel.opaque(cover()));

        StreamImportance alpha = e.model().streams().stream().filter(s -> s.stream().equals("alpha")).findFirst()
                .orElseThrow();
        assertThat(Math.abs(alpha.logitChange())).isLessThan(0.05);
        assertThat(e.model().streams().get(0).stream()).isIn("pixels", "lsb");
    }

    @Test
    void occlusionDropsOnlyWhereTheTilesDecideTheMaximum() {
        byte[] stego = Protocol.embed(AlphaLsbModel.opaque(cover()), Method.ALPHA, MESSAGE, EmbedOptions.DEFAULT);
        Saliency s = explainer.explain("alpha-2", stego).saliency();

        assertThat(s.tileSize()).isEqualTo(AlphaLsbModel.TILE);
        assertThat(s.tiles()).hasSize(9);
        TileSaliency top = s.tiles().stream().max((a, b) -> Double.compare(a.logit(), b.logit())).orElseThrow();
        // the message fills the first rows: the top tile lies in the first tile row and its occlusion matters
        assertThat(top.row()).isZero();
        assertThat(top.occlusionDrop()).isPositive();
        assertThat(s.tiles().stream().filter(t -> t.row() == 2)).allSatisfy(t -> assertThat(t.occlusionDrop()).isZero());
    }

    @Test
    void aTrailerLightsTheTrailerBytesAndNoPixels() {
        byte[] cover = cover();
        byte[] stego = Protocol.embed(cover, Method.RAW, MESSAGE, EmbedOptions.DEFAULT);
        Explanation e = explainer.explain("raw-1", stego);
        Explanation clean = explainer.explain("clean-1", cover);

        assertThat(e.saliency().regions()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PayloadRegion.BYTES);
            assertThat(r.method()).isEqualTo("raw");
            assertThat(r.offset()).isEqualTo(cover.length);
            assertThat(r.length()).isEqualTo(MESSAGE.length);
            assertThat(r.pixels()).isNull();
        });
        assertThat(e.saliency().tiles()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(clean.saliency().tiles());
        assertThat(e.summary()).contains("payload in bytes " + SummaryLine.grouped(cover.length));
        assertThat(e.messages()).anySatisfy(m -> assertThat(m.text()).isEqualTo(new String(MESSAGE,
                StandardCharsets.UTF_8)));
    }

    @Test
    void withoutAModelTheEvidenceExplainsAlone() {
        byte[] stego = Protocol.embed(cover(), Method.LSB_RGB, MESSAGE, EmbedOptions.DEFAULT);
        Explanation e = new Explainer(ScanOptions.DEFAULT).explain("rules-1", stego);

        assertThat(e.model()).isNull();
        assertThat(e.modelNote()).contains("no model");
        assertThat(e.fired()).extracting(f -> f.detector()).contains("extract.lsb.rgb");
        assertThat(e.saliency().tiles()).isEmpty();
        assertThat(e.summary()).contains("no model (evidence only)").contains("extract.lsb.rgb");
    }

    @Test
    void badBytesGiveAnErrorWithTheScannersCode() {
        Explanation garbage = explainer.explain("bad-1", "not an image at all".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.error().code()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(garbage.summary()).startsWith("error UNSUPPORTED_FORMAT: ");
        assertThat(garbage.saliency()).isNull();

        byte[] png = cover();
        Explanation truncated = explainer.explain("bad-2", java.util.Arrays.copyOf(png, png.length / 2));
        assertThat(truncated.error().code()).isEqualTo("TRUNCATED");
        assertThat(explainer.explain("bad-3", new byte[0]).error().code()).isEqualTo("EMPTY_INPUT");
    }

    @Test
    void theJsonReadsBackToTheSameExplanation() {
        Explanation e = explainer.explain("json-1", Protocol.embed(AlphaLsbModel.opaque(cover()), Method.ALPHA, MESSAGE,
                EmbedOptions.DEFAULT));
        assertThat(ExplanationJson.read(ExplanationJson.write(e))).usingRecursiveComparison().isEqualTo(e);
    }

    @Test
    void jsonWrittenBeforeTheUnusualFieldStillReads() throws Exception {
        Explanation e = explainer.explain("json-2", Protocol.embed(AlphaLsbModel.opaque(cover()), Method.ALPHA, MESSAGE,
                EmbedOptions.DEFAULT));
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(ExplanationJson.write(e));
        assertThat(old.has("unusual")).isTrue();
        old.remove("unusual");

        Explanation read = ExplanationJson.read(mapper.writeValueAsString(old));
        assertThat(read.unusual()).isEmpty();
        assertThat(read.summary()).isEqualTo(e.summary());
        assertThat(e.unusual()).isNotEmpty();
    }

    @Test
    void theHeatmapIsTheImageScaledUpWithItsPayloadOutlined() throws Exception {
        byte[] stego = Protocol.embed(AlphaLsbModel.opaque(cover()), Method.ALPHA, MESSAGE, EmbedOptions.DEFAULT);
        Explanation e = explainer.explain("png-1", stego);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                HeatmapPng.render(ImageCodecs.decode(stego), e.saliency())));

        int s = HeatmapPng.scaleFor(96, 96);
        assertThat(s).isEqualTo(6);
        assertThat(png.getWidth()).isEqualTo(96 * s);
        assertThat(png.getHeight()).isEqualTo(96 * s + HeatmapPng.LEGEND_HEIGHT);
        long pixels = e.saliency().regions().get(0).pixels();
        int lastRow = (int) ((pixels - 1) / 96);
        assertThat(png.getRGB(0, 0) & 0xFFFFFF).isEqualTo(HeatmapPng.PAYLOAD);
        assertThat(png.getRGB(50 * s, (lastRow + 2) * s + s / 2) & 0xFFFFFF).isNotEqualTo(HeatmapPng.PAYLOAD);
    }
}
