package dev.starlight.core.protocol;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import java.util.Arrays;
import java.util.Optional;

/**
 * Method 0, alpha: {@code AI42 + message + 0x00} in the LSB of the alpha channel, one bit per pixel in row-major
 * order, lsb-first. A cover without alpha is given an opaque alpha channel first (as the reference generator
 * does), which re-encodes the file without its ancillary metadata.
 */
public final class AlphaMethod implements StegoMethod {

    @Override
    public Method method() {
        return Method.ALPHA;
    }

    @Override
    public Optional<String> notApplicable(DecodedImage image) {
        if (image.lossy()) {
            return Optional.of("lossy image: alpha LSBs are not stored exactly");
        }
        if (image.isIndexed()) {
            return Optional.of("indexed image: alpha comes from the palette, not per pixel");
        }
        return Optional.empty();
    }

    @Override
    public long capacityBytes(DecodedImage image) {
        return Math.max(0, image.pixelCount() / 8 - Ai42.MARKER.length - 1);
    }

    @Override
    public byte[] embed(byte[] cover, DecodedImage image, byte[] message, EmbedOptions options) {
        notApplicable(image).ifPresent(why -> {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "alpha: " + why);
        });
        DecodedImage target = image.hasAlpha() ? image : withOpaqueAlpha(image);
        int[][] planes = PixelEmbedding.copy(target.planes());
        LsbCarrier carrier = new LsbCarrier(planes[planes.length - 1]);
        SequentialLsb.write(carrier, message, new EmbedOptions(BitOrder.LSB_FIRST, true), Method.ALPHA);
        DecodedImage modified = target.withSamples(planes, null);
        return image.hasAlpha()
                ? PixelEmbedding.replaceSamples(cover, modified)
                : ImageCodecs.writer(image.format()).encode(modified);
    }

    @Override
    public Optional<Extraction> extract(byte[] file, DecodedImage image) {
        int[] alpha = image.alphaPlane();
        if (alpha == null || image.lossy() || image.isIndexed()) {
            return Optional.empty();
        }
        LsbCarrier carrier = new LsbCarrier(alpha);
        // the protocol fixes lsb-first; only an AI42-marked payload counts for alpha
        for (BitOrder order : BitOrder.values()) {
            Extraction e = SequentialLsb.read(carrier, Method.ALPHA, order);
            if (e != null && e.ai42()) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static DecodedImage withOpaqueAlpha(DecodedImage image) {
        int[][] colour = image.colourPlanes();
        int[][] planes = Arrays.copyOf(colour, colour.length + 1);
        int[] alpha = new int[image.pixelCount()];
        Arrays.fill(alpha, image.maxSample());
        planes[colour.length] = alpha;
        ColorType type = colour.length == 1 ? ColorType.GREY_ALPHA : ColorType.RGBA;
        return new DecodedImage(image.format(), image.width(), image.height(), image.bitDepth(), type, planes, null,
                null, false, image.metadata(), image.frames(), image.imageEnd(), image.trailer());
    }
}
