package dev.starlight.core.explain;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.core.model.InputStreams;
import dev.starlight.core.model.ModelDetector;
import dev.starlight.core.model.ModelInputs;
import dev.starlight.core.model.ModelPrediction;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.TileGrid;
import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.PayloadExtent;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.Evidence;
import dev.starlight.core.scan.ScanError;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Bytes in, one {@link Explanation} out, always: the scanner's verdict (with the same model), the evidence that
 * fired, the recovered messages and where they sit, and what the model's score rests on (stream ablation and tile
 * occlusion). Bad input gives an explanation with the scanner's error and its stable code; nothing is thrown.
 * Thread-safe as long as the model is not closed meanwhile.
 *
 * <p>Cost: one scan, plus {@code 2 + streams} model runs over the image's tiles (full, one per stream ablated, one
 * with every tile occluded at once: tiles are independent rows, so occluding tile k alone changes only row k).
 */
public final class Explainer {
    /** Evidence at or above this score counts as having fired. */
    public static final double FIRED = 0.5;
    /** Streams shaped like the tile's pixels, set neutral when a tile is occluded. */
    static final List<String> PIXEL_SHAPED = List.of(InputStreams.PIXELS, InputStreams.LSB, InputStreams.ALPHA);

    private final ScanOptions options;
    private final OnnxModel model;
    private final Scanner scanner;
    private final CleanBaseline clean;

    /** Explains with the evidence alone. */
    public Explainer(ScanOptions options) {
        this(options, null);
    }

    /** @param model the model to explain and to scan with; null to explain with the evidence alone */
    public Explainer(ScanOptions options, OnnxModel model) {
        this(options, model, CleanBaseline.shipped());
    }

    /**
     * @param model the model to explain and to scan with; null to explain with the evidence alone
     * @param clean how each detector scores clean images: the summary names the evidence well outside that range
     */
    public Explainer(ScanOptions options, OnnxModel model, CleanBaseline clean) {
        this.options = options;
        this.clean = clean;
        this.model = model;
        this.scanner = model == null ? new Scanner(options, List.of())
                : new Scanner(options, List.of(new ModelDetector(model)), model.info().version());
    }

    public OnnxModel model() {
        return model;
    }

    public Explanation explain(String requestId, byte[] data) {
        long start = System.nanoTime();
        ScanResult scan = scanner.scan(new ScanRequest(requestId, null, data));
        if (scan.isError()) {
            return failed(scan.requestId(), scan, scan.error(), start);
        }
        try {
            DecodedImage image = ImageCodecs.decode(data, options.limits());
            List<Extraction> extractions = Protocol.extractAll(data, image);
            List<PayloadRegion> regions = regions(image, extractions);
            List<Evidence> fired = scan.evidence().stream().filter(e -> e.score() != null && e.score() >= FIRED)
                    .sorted(Comparator.comparing((Evidence ev) -> ev.kind() != Evidence.Kind.EXTRACTION)
                            .thenComparing(Evidence::score, Comparator.reverseOrder())).toList();
            List<RecoveredMessage> messages = extractions.stream().map(RecoveredMessage::of).toList();
            ModelExplanation modelPart = null;
            Saliency saliency;
            if (model == null) {
                saliency = new Saliency(image.width(), image.height(), 0, 0, 0, List.of(), regions);
            } else {
                ModelInputs inputs = ModelInputs.from(image, model.inputOptions(), model.info().inputs());
                ModelPrediction full = model.predict(inputs);
                modelPart = new ModelExplanation(full.modelName(), full.modelVersion(), full.stegoProbability(),
                        full.imageLogit(), importance(inputs, full), full.gates());
                TileGrid grid = inputs.grid();
                saliency = new Saliency(image.width(), image.height(), grid.tileSize(), grid.columns(), grid.rows(),
                        occlusion(inputs, full), regions);
            }
            String note = model == null ? "no model available: explained with the evidence alone" : null;
            List<UnusualEvidence> unusual = clean.unusual(scan.evidence());
            Explanation partial = new Explanation(scan.requestId(), null, scan, fired, messages, modelPart, note,
                    saliency, 0, null, unusual);
            return new Explanation(scan.requestId(), SummaryLine.of(partial), scan, fired, messages, modelPart, note,
                    saliency, elapsedMs(start), null, unusual);
        } catch (StarlightException e) {
            return failed(scan.requestId(), scan, new ScanError(e.code().name(), e.getMessage()), start);
        } catch (RuntimeException e) {
            return failed(scan.requestId(), scan, new ScanError(ErrorCode.INTERNAL.name(),
                    e.getClass().getSimpleName() + ": " + e.getMessage()), start);
        }
    }

    /** The image logit with each stream neutral in turn, largest change first. */
    private List<StreamImportance> importance(ModelInputs inputs, ModelPrediction full) {
        double logit = full.imageLogit();
        Map<String, Double> gates = full.gates();
        List<StreamImportance> out = new ArrayList<>();
        for (String stream : inputs.names()) {
            double ablated = model.predict(inputs.withNeutral(stream)).imageLogit();
            out.add(new StreamImportance(stream, ablated, ablated - logit, gates.get(stream)));
        }
        out.sort(Comparator.comparingDouble((StreamImportance s) -> Math.abs(s.logitChange())).reversed());
        return out;
    }

    /**
     * Per tile: its own logit, and the fall of the image logit (the maximum over tiles) when that tile alone has its
     * pixel-shaped streams neutral. One extra model run gives every tile's occluded logit.
     */
    private List<TileSaliency> occlusion(ModelInputs inputs, ModelPrediction full) {
        double[] own = full.tileLogits();
        double[] occluded = own;
        ModelInputs blank = inputs;
        for (String stream : PIXEL_SHAPED) {
            if (inputs.streams().containsKey(stream)) {
                blank = blank.withNeutral(stream);
            }
        }
        if (blank != inputs) {
            occluded = model.predict(blank).tileLogits();
        }
        int first = -1;
        for (int k = 0; k < own.length; k++) {
            if (first < 0 || own[k] > own[first]) {
                first = k;
            }
        }
        double second = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < own.length; k++) {
            if (k != first) {
                second = Math.max(second, own[k]);
            }
        }
        double image = own[first];
        List<TileSaliency> out = new ArrayList<>(own.length);
        List<TileGrid.Tile> tiles = inputs.grid().tiles();
        for (int k = 0; k < own.length; k++) {
            double others = k == first ? second : image;
            double without = Math.max(others, occluded[k]);
            TileGrid.Tile t = tiles.get(k);
            out.add(new TileSaliency(t.column(), t.row(), t.x(), t.y(), own[k], image - without));
        }
        return out;
    }

    /** Pixel runs of the sequential messages (at message confidence), byte ranges of trailers and EXIF messages. */
    static List<PayloadRegion> regions(DecodedImage image, List<Extraction> extractions) {
        List<PayloadRegion> out = new ArrayList<>();
        for (Extraction e : extractions) {
            switch (e.method()) {
                case ALPHA, PALETTE, LSB_RGB -> {
                    if (e.confidence() >= Protocol.MESSAGE_THRESHOLD) {
                        PayloadExtent.sequentialBits(image, e).ifPresent(bits -> {
                            List<String> planes = PayloadExtent.planes(e.method());
                            long pixels = (bits + planes.size() - 1) / planes.size();
                            out.add(PayloadRegion.pixels(e.method().label(), planes, bits, pixels,
                                    bits + " bits in the LSBs of " + String.join(", ", planes) + " from pixel 0"));
                        });
                    }
                }
                case RAW -> out.add(PayloadRegion.bytes(Method.RAW.label(), image.imageEnd(), image.trailer().length,
                        "trailer after the end of the image"));
                case EXIF -> PayloadExtent.exifSegment(image).ifPresent((MetadataSegment s) -> out.add(
                        PayloadRegion.bytes(Method.EXIF.label(), s.offset(), s.data().length,
                                "EXIF block " + s.key())));
            }
        }
        return out;
    }

    private static Explanation failed(String requestId, ScanResult scan, ScanError error, long start) {
        String summary = "error " + error.code() + ": " + error.message();
        return new Explanation(requestId, summary, scan, List.of(), List.of(), null, null, null, elapsedMs(start),
                error, List.of());
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
