package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.Evidence;
import java.util.List;

/**
 * The JPEG statistics as the scanner runs them: reads the luma DCT coefficients once and gives the evidence of
 * {@link JpegHistogramDetector} ({@code jpeg.hist}), {@link JpegCalibrationDetector} ({@code jpeg.calib}) and
 * {@link JpegSequentialDetector} ({@code jpeg.seq}, sequential replacement: jsteg) and {@link JpegStegoDetector}
 * ({@code jpeg.stego}, the fitted classifier that can call a JPEG stego).
 */
public final class JpegDctDetector implements Detector {

    @Override
    public String name() {
        return "jpeg";
    }

    @Override
    public List<Evidence> analyse(DecodedImage image, byte[] file) {
        try {
            JpegLuma.Luma luma = JpegLuma.read(image, file);
            if (luma.whyNot() != null) {
                return List.of(Evidence.notRun(JpegHistogramDetector.FAMILY, luma.whyNot()),
                        Evidence.notRun(JpegCalibrationDetector.FAMILY, luma.whyNot()),
                        Evidence.notRun(JpegSequentialDetector.FAMILY, luma.whyNot()),
                        Evidence.notRun(JpegStegoDetector.FAMILY, luma.whyNot()));
            }
            JpegCoefficients.Component c = luma.component();
            JpegLuma.Calibration calibration = JpegLuma.calibrate(c); // shared by jpeg.calib and jpeg.stego
            return List.of(JpegHistogramDetector.analyse(c),
                    JpegCalibrationDetector.analyse(c, calibration),
                    JpegSequentialDetector.analyse(c),
                    JpegStegoDetector.analyse(c, calibration));
        } catch (RuntimeException e) {
            String why = "internal error: " + e;
            return List.of(Evidence.notRun(JpegHistogramDetector.FAMILY, why),
                    Evidence.notRun(JpegCalibrationDetector.FAMILY, why),
                    Evidence.notRun(JpegSequentialDetector.FAMILY, why),
                    Evidence.notRun(JpegStegoDetector.FAMILY, why));
        }
    }
}
