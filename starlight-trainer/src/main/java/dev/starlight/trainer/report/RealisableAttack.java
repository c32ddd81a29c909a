package dev.starlight.trainer.report;

import dev.starlight.codecs.StarlightException;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.model.InputStreams;
import dev.starlight.core.model.ModelInputs;
import dev.starlight.core.model.ModelPrediction;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.StreamSpec;
import dev.starlight.core.model.TileGrid;
import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.scan.Scanner;
import dev.starlight.trainer.data.TileSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FGSM made into files a sender can write. For a lossless 8-bit stego image (not indexed: a palette image cannot
 * take arbitrary colours without a new palette), the gradient of the evasion objective (minus the sum of the tile
 * logits) is taken with respect to every stored sample: the gradients of all tile elements that read the sample
 * are added (the three {@code pixels} channels of a grey image, edge padding, alpha channel 0). Each sample then
 * moves by ε · 255 in the direction of the sign, rounded to an integer and clamped to 0..255; samples outside the
 * tiles the model reads, and samples with a zero gradient, stay. The samples are written back into the original
 * container ({@code ImageWriter.replaceSamples}: chunks, metadata and trailer kept), the file is decoded again, all
 * streams are rebuilt by {@link ModelInputs} and the exported ONNX model scores it (largest tile logit; the image is
 * detected at logit ≥ 0).
 */
public final class RealisableAttack {

    /** What happened to one image at one ε. */
    public record ImageOutcome(double logitBefore, double logitAfter, long changedSamples, long samples,
                               Boolean messageBefore, Boolean messageAfter) {
    }

    /** Why an image was not attacked, or null when it was. */
    public static String ineligible(DecodedImage image) {
        if (image.lossy()) {
            return "lossy";
        }
        if (image.isIndexed()) {
            return "indexed";
        }
        if (image.bitDepth() != 8) {
            return "not 8-bit";
        }
        return null;
    }

    private final GradientAttack attack;
    private final OnnxModel model;
    private final List<StreamSpec> streams;

    public RealisableAttack(GradientAttack attack, OnnxModel model, List<StreamSpec> streams) {
        this.attack = attack;
        this.model = model;
        this.streams = streams;
    }

    /**
     * One outcome per ε for an eligible image; null when the image is not eligible ({@link #ineligible}) or its
     * container cannot take new samples.
     */
    public List<ImageOutcome> run(LabelledImage image, float[] epsilons) {
        byte[] file;
        try {
            file = Files.readAllBytes(image.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DecodedImage decoded;
        try {
            decoded = ImageCodecs.decode(file);
        } catch (StarlightException e) {
            return null;
        }
        if (ineligible(decoded) != null) {
            return null;
        }
        double[][] gradient = sampleGradient(decoded);
        double before = imageLogit(model.predict(decoded));
        Boolean messageBefore = message(image, file, decoded);
        List<ImageOutcome> out = new ArrayList<>();
        int max = decoded.maxSample();
        for (float epsilon : epsilons) {
            float step = epsilon * max;
            int[][] planes = new int[decoded.planes().length][];
            long changed = 0;
            long samples = 0;
            for (int p = 0; p < planes.length; p++) {
                planes[p] = decoded.planes()[p].clone();
                if (gradient[p] == null) {
                    continue;
                }
                samples += planes[p].length;
                for (int i = 0; i < planes[p].length; i++) {
                    double sign = Math.signum(gradient[p][i]);
                    int v = (int) Math.max(0, Math.min(max, Math.round(planes[p][i] + step * sign)));
                    if (v != planes[p][i]) {
                        changed++;
                        planes[p][i] = v;
                    }
                }
            }
            byte[] written;
            try {
                written = ImageCodecs.writer(decoded.format()).replaceSamples(file, decoded.withSamples(planes, null));
            } catch (StarlightException e) {
                return null;
            }
            DecodedImage again = ImageCodecs.decode(written);
            out.add(new ImageOutcome(before, imageLogit(model.predict(again)), changed, samples, messageBefore,
                    message(image, written, again)));
        }
        return out;
    }

    /**
     * d(−Σ tile logits)/d(sample) for every stored sample the model reads, per plane of the decoded image (null for
     * planes it does not attack). Stream values are samples / max, so the factor 1/max is left out: only the sign
     * is used.
     */
    double[][] sampleGradient(DecodedImage image) {
        List<String> names = streams.stream().map(StreamSpec::name).toList();
        ModelInputs inputs = ModelInputs.from(image, model.inputOptions(), names);
        TileSample[] tiles = new TileSample[inputs.rows()];
        for (int k = 0; k < tiles.length; k++) {
            float[][] rows = new float[names.size()][];
            for (int s = 0; s < rows.length; s++) {
                int size = inputs.spec(names.get(s)).rowSize();
                rows[s] = Arrays.copyOfRange(inputs.data(names.get(s)), k * size, (k + 1) * size);
            }
            tiles[k] = new TileSample(rows, 1, 0, -1, "attacked");
        }
        int[][] colour = image.colourPlanes();
        int alphaPlane = image.alphaPlane() == null ? -1 : image.planes().length - 1;
        double[][] gradient = new double[image.planes().length][];
        int pixels = names.indexOf(InputStreams.PIXELS);
        int alpha = names.indexOf(InputStreams.ALPHA);
        TileGrid grid = inputs.grid();
        int t = grid.tileSize();
        int plane = t * t;
        for (int from = 0; from < tiles.length; from += GradientAttack.BATCH) {
            TileSample[] batch = Arrays.copyOfRange(tiles, from, Math.min(tiles.length, from + GradientAttack.BATCH));
            GradientAttack.Step g = attack.gradient(batch);
            for (int b = 0; b < batch.length; b++) {
                TileGrid.Tile tile = grid.tiles().get(from + b);
                if (pixels >= 0) {
                    float[] grad = g.gradients()[pixels];
                    int offset = b * 3 * plane;
                    for (int c = 0; c < 3; c++) {
                        int p = colour.length == 1 ? 0 : c;
                        add(gradient, p, image, tile, t, grad, offset + c * plane);
                    }
                }
                if (alpha >= 0 && alphaPlane >= 0 && attack.attackedLength(alpha, batch[b]) > 0) {
                    add(gradient, alphaPlane, image, tile, t, g.gradients()[alpha], b * 2 * plane);
                }
            }
        }
        return gradient;
    }

    private static void add(double[][] gradient, int p, DecodedImage image, TileGrid.Tile tile, int t, float[] grad,
                            int offset) {
        if (gradient[p] == null) {
            gradient[p] = new double[image.pixelCount()];
        }
        int w = image.width();
        for (int ty = 0; ty < t; ty++) {
            int y = Math.min(tile.y() + ty, image.height() - 1);
            for (int tx = 0; tx < t; tx++) {
                int x = Math.min(tile.x() + tx, w - 1);
                gradient[p][y * w + x] += grad[offset + ty * t + tx];
            }
        }
    }

    /**
     * Whether some extractor still reads exactly the embedded message, at any confidence (the scanner reports a
     * payload only above {@link Protocol#MESSAGE_THRESHOLD}: random bytes in a trailer read back exactly but score
     * low); null when the set does not record the message.
     */
    static Boolean message(LabelledImage image, byte[] file, DecodedImage decoded) {
        if (image.messageSha256() == null) {
            return null;
        }
        for (Extraction e : Protocol.extractAll(file, decoded)) {
            if (Scanner.sha256(e.payload()).equals(image.messageSha256())) {
                return true;
            }
        }
        return false;
    }

    /** The image's score as the detector combines tiles: the largest tile logit (0 at the operating point). */
    static double imageLogit(ModelPrediction p) {
        double max = Arrays.stream(p.tileProbabilities()).max().orElse(0);
        double q = Math.min(1 - 1e-12, Math.max(1e-12, max));
        return Math.log(q / (1 - q));
    }
}
