package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.Evidence;
import java.util.Locale;

/**
 * {@code jpeg.stego}: the shipped {@link JpegStegoModel} over the luma's {@link JpegStegoFeatures}. Its score is the
 * score of the tool the model names, with that tool's operating threshold at 0.5; its method is that tool
 * ({@code steghide}, {@code outguess}, {@code f5} or {@code jsteg}), given only when the score reaches 0.5. The verdict
 * rules call the JPEG stego only when that tool is one of the fit's deciding tools; the detail lists every tool's
 * score. Its estimate is the embedding rate in bits per non-zero luma AC coefficient. Stateless.
 */
public final class JpegStegoDetector extends SingleEvidenceDetector {
    public static final String FAMILY = "jpeg.stego";

    public JpegStegoDetector() {
        super(FAMILY);
    }

    @Override
    Evidence evidence(DecodedImage image, byte[] file) {
        return JpegLuma.evidence(image, file, FAMILY, JpegStegoDetector::analyse);
    }

    /** The evidence for one component's coefficients, with the shipped fit. */
    static Evidence analyse(JpegCoefficients.Component c) {
        return analyse(c, JpegStegoModel.shipped());
    }

    static Evidence analyse(JpegCoefficients.Component c, JpegStegoModel model) {
        return analyse(c, model, null);
    }

    /** The evidence with the shipped fit and the calibration already computed ({@link JpegLuma#calibrate}). */
    static Evidence analyse(JpegCoefficients.Component c, JpegLuma.Calibration calibration) {
        return analyse(c, JpegStegoModel.shipped(), calibration);
    }

    private static Evidence analyse(JpegCoefficients.Component c, JpegStegoModel model,
                                    JpegLuma.Calibration calibration) {
        if (c.blocksWide() < 3 || c.blocksHigh() < 3) {
            return Evidence.notRun(FAMILY, "image too small for calibration (needs 3x3 blocks)");
        }
        if (model == null) {
            return Evidence.notRun(FAMILY, "no JPEG classifier fit for these features on the class path");
        }
        double[] f = calibration == null ? JpegStegoFeatures.of(c) : JpegStegoFeatures.of(c, calibration);
        JpegStegoModel.Result r = model.classify(f);
        StringBuilder tools = new StringBuilder();
        r.scores().forEach((tool, score) -> tools.append(tools.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.3f%s", tool, score,
                        model.deciding().contains(tool) ? "" : " (evidence only)")));
        String detail = String.format(Locale.ROOT, "DCT classifier %s: %s (score %.3f, 0.5 is each tool's operating "
                        + "point; %s), tool %s, about %.3f bits per non-zero AC coefficient", model.version(),
                r.decided() ? "stego" : r.stego() ? "stego by a tool that does not decide" : "clean",
                r.probability(), tools, r.method(), r.rate());
        return new Evidence(FAMILY, r.probability(), detail, r.rate(), r.stego() ? r.method() : null,
                Evidence.Kind.STATISTIC);
    }
}
