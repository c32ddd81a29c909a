package dev.starlight.core.analysis;

import dev.starlight.core.image.DecodedImage;
import dev.starlight.core.image.JpegCoefficients;
import dev.starlight.core.scan.Evidence;
import java.util.List;

/**
 * The JPEG statistics as the scanner runs them: reads the luma DCT coefficients once and gives the evidence of
 * {@link JpegHistogramDetector} ({@code jpeg.hist}) and {@link JpegCalibrationDetector} ({@code jpeg.calib}).
 */
public final class JpegDctDetector implements Detector {

    @Override
    public String name() {
        return "jpeg";
    }

    @Override
    public List<Evidence> analyse(DecodedImage image, byte[] file) {
        try {
            JpegCoefficients.Component[] luma = new JpegCoefficients.Component[1];
            String why = JpegLuma.read(image, file, luma);
            if (why != null) {
                return List.of(Evidence.notRun(JpegHistogramDetector.FAMILY, why),
                        Evidence.notRun(JpegCalibrationDetector.FAMILY, why));
            }
            return List.of(JpegHistogramDetector.analyse(luma[0]), JpegCalibrationDetector.analyse(luma[0]));
        } catch (RuntimeException e) {
            String why = "internal error: " + e;
            return List.of(Evidence.notRun(JpegHistogramDetector.FAMILY, why),
                    Evidence.notRun(JpegCalibrationDetector.FAMILY, why));
        }
    }
}
