package dev.starlight.core.protocol;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import java.util.Optional;

/**
 * Method 1, palette: {@code message + 0x00} in the LSB of each pixel's palette index, row-major, either bit order.
 * Needs an indexed cover (GIF, indexed PNG or BMP) whose palette has an even number of entries, so that flipping
 * an index's LSB never points past the palette.
 */
public final class PaletteMethod implements StegoMethod {

    @Override
    public Method method() {
        return Method.PALETTE;
    }

    @Override
    public Optional<String> notApplicable(DecodedImage image) {
        if (!image.isIndexed()) {
            return Optional.of("not an indexed image");
        }
        if (image.palette().size() % 2 != 0) {
            return Optional.of("palette has an odd number of entries (" + image.palette().size() + ")");
        }
        return Optional.empty();
    }

    @Override
    public long capacityBytes(DecodedImage image) {
        return Math.max(0, image.pixelCount() / 8 - 1);
    }

    @Override
    public byte[] embed(byte[] cover, DecodedImage image, byte[] message, EmbedOptions options) {
        notApplicable(image).ifPresent(why -> {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "palette: " + why);
        });
        int[] indices = image.indices().clone();
        SequentialLsb.write(new LsbCarrier(indices), message, options, Method.PALETTE);
        return PixelEmbedding.replaceSamples(cover, image.withSamples(image.planes(), indices));
    }

    @Override
    public Optional<Extraction> extract(byte[] file, DecodedImage image) {
        if (!image.isIndexed()) {
            return Optional.empty();
        }
        return SequentialLsb.read(new LsbCarrier(image.indices()), Method.PALETTE);
    }
}
