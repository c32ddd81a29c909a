package dev.starlight.core.scan;

import dev.starlight.core.Evidence;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.core.Detector;
import dev.starlight.core.analysis.fusion.FusionFeatures;
import dev.starlight.core.analysis.fusion.FusionModel;
import dev.starlight.core.analysis.StatisticalDetectors;
import dev.starlight.codecs.image.DecodeWarning;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.HeapBudget;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Protocol;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Bytes in, one {@link ScanResult} out, always: decode, run the protocol extractors and the detectors, and
 * combine their evidence with {@link VerdictRules}. Bad input gives an {@code error} result with a stable code;
 * nothing is thrown. Thread-safe; the CLI, the detector service and the explainer all call this.
 */
public final class Scanner {
    /** The {@code modelVersion} of results decided by the core's extractors and rules, with no trained model. */
    public static final String RULES_VERSION = VerdictRules.VERSION;

    private final ScanOptions options;
    private final List<Detector> detectors;
    private final VerdictRules rules;
    private final FusionModel fusion;
    private final String modelVersion;

    /** The core's statistics, fused by the shipped fit, and no model. */
    public Scanner() {
        this(ScanOptions.DEFAULT, List.of());
    }

    public Scanner(ScanOptions options, List<Detector> models) {
        this(options, models, defaultVersion(FusionModel.shipped()));
    }

    /**
     * @param models       detectors added to the core's statistics (served ONNX models)
     * @param modelVersion reported in every result: the serving model's version, or {@link #defaultVersion}
     *                     when the core's own rules decide alone
     */
    public Scanner(ScanOptions options, List<Detector> models, String modelVersion) {
        this(options, models, modelVersion, FusionModel.shipped());
    }

    /** @param fusion the fit that fuses the statistics, or null to decide on messages and models alone */
    public Scanner(ScanOptions options, List<Detector> models, String modelVersion, FusionModel fusion) {
        this.options = options;
        List<Detector> all = new ArrayList<>(StatisticalDetectors.all());
        all.addAll(models);
        this.detectors = List.copyOf(all);
        this.rules = new VerdictRules();
        this.fusion = fusion;
        this.modelVersion = modelVersion;
    }

    /** The rules' version with the fusion fit's, e.g. {@code core-rules-2+fusion-20261124}. */
    public static String defaultVersion(FusionModel fusion) {
        return fusion == null ? RULES_VERSION : RULES_VERSION + "+" + fusion.version();
    }

    public ScanResult scan(byte[] data) {
        return scan(ScanRequest.of(data));
    }

    public ScanResult scan(ScanRequest request) {
        return scan(request, null);
    }

    /**
     * As {@link #scan(ScanRequest)}, for a caller that already hashed the bytes (the detector hashes them for its
     * content cache first): {@code knownSha256} must be {@link #sha256} of the request's data, or null.
     */
    public ScanResult scan(ScanRequest request, String knownSha256) {
        long start = System.nanoTime();
        byte[] data = request.data() == null ? new byte[0] : request.data();
        String sha256 = knownSha256 != null ? knownSha256 : sha256(data);
        String requestId = request.requestId() != null ? request.requestId() : "sha256:" + sha256.substring(0, 16);
        String format = ImageFormat.sniff(data).map(ImageFormat::label).orElse(null);
        try (HeapBudget.Scope heap = HeapBudget.open()) {
            DecodedImage image = ImageCodecs.decode(data, options.limits());
            List<Extraction> extractions = Protocol.extractAll(data, image);
            List<Evidence> evidence = new ArrayList<>();
            for (Extraction e : extractions) {
                evidence.add(new Evidence(Evidence.Kind.EXTRACTION, "extract." + e.method().label(), e.confidence(),
                        e.detail()));
            }
            for (Detector d : detectors) {
                evidence.addAll(d.analyse(image, data));
            }
            for (DecodeWarning w : image.warnings()) {
                // no score: a note on how the file was opened (e.g. decode.truncated), never a vote for stego
                evidence.add(new Evidence("decode." + w.code(), null, w.detail()));
            }
            FusionModel.Fused fused = null;
            if (fusion != null) {
                fused = fusion.fuse(format, evidence, image.pixelCount(), modelVersion);
                evidence.add(new Evidence(Evidence.Kind.FUSION, FusionFeatures.FUSION, fused.probability(), fused.detail()));
            }
            VerdictRules.Decision decision = rules.decide(extractions, evidence, fused);
            return new ScanResult(requestId, sha256, request.source(), format, image.width(), image.height(),
                    decision.verdict(), decision.probability(), decision.method(), decision.bitOrder(),
                    options.extract() ? decision.payload() : null, evidence, modelVersion,
                    elapsedMs(start), null);
        } catch (StarlightException e) {
            return error(requestId, sha256, request.source(), format, e.code(), e.getMessage(), start);
        } catch (RuntimeException | StackOverflowError e) {
            return error(requestId, sha256, request.source(), format, ErrorCode.INTERNAL,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), start);
        } catch (OutOfMemoryError e) {
            return error(requestId, sha256, request.source(), format, ErrorCode.TOO_LARGE,
                    "out of memory while scanning", start);
        }
    }

    private ScanResult error(String requestId, String sha256, String source, String format, ErrorCode code,
                                    String message, long start) {
        return ScanResult.error(requestId, sha256, source, format, modelVersion, elapsedMs(start),
                new ScanError(code.name(), message));
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
