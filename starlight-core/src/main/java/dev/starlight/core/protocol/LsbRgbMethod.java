package dev.starlight.core.protocol;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import java.util.Optional;

/**
 * Method 2, lsb.rgb: {@code message + 0x00} in the LSBs of R, G, B of each pixel in turn (R0 G0 B0 R1 ...),
 * row-major, alpha skipped, either bit order. Lossless RGB or RGBA images only.
 */
public final class LsbRgbMethod implements StegoMethod {

    @Override
    public Method method() {
        return Method.LSB_RGB;
    }

    @Override
    public Optional<String> notApplicable(DecodedImage image) {
        if (image.lossy()) {
            return Optional.of("lossy image: sample LSBs are not stored exactly");
        }
        if (image.colorType() != ColorType.RGB && image.colorType() != ColorType.RGBA) {
            return Optional.of("needs an RGB or RGBA image, this one is " + image.colorType());
        }
        return Optional.empty();
    }

    @Override
    public long capacityBytes(DecodedImage image) {
        return Math.max(0, image.pixelCount() * 3L / 8 - 1);
    }

    @Override
    public byte[] embed(byte[] cover, DecodedImage image, byte[] message, EmbedOptions options) {
        notApplicable(image).ifPresent(why -> {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "lsb.rgb: " + why);
        });
        int[][] planes = PixelEmbedding.copy(image.planes());
        SequentialLsb.write(new LsbCarrier(planes[0], planes[1], planes[2]), message, options, Method.LSB_RGB);
        return PixelEmbedding.replaceSamples(cover, image.withSamples(planes, null));
    }

    @Override
    public Optional<Extraction> extract(byte[] file, DecodedImage image) {
        if (notApplicable(image).isPresent()) {
            return Optional.empty();
        }
        int[][] p = image.planes();
        return SequentialLsb.read(new LsbCarrier(p[0], p[1], p[2]), Method.LSB_RGB);
    }
}
