package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point for reading and writing images: recognises the container by its magic bytes, enforces the
 * byte limit, and turns any unexpected failure inside a decoder into {@code INTERNAL} (a bug to fix, reported
 * rather than thrown), so callers only ever see {@link StarlightException}.
 */
public final class ImageCodecs {
    private static final Map<ImageFormat, ImageDecoder> DECODERS = new EnumMap<>(ImageFormat.class);
    private static final Map<ImageFormat, ImageWriter> WRITERS = new EnumMap<>(ImageFormat.class);

    static {
        for (ImageDecoder d : List.of(new PngDecoder(), new GifDecoder(), new BmpDecoder(), new JpegDecoder(),
                new WebpDecoder())) {
            DECODERS.put(d.format(), d);
        }
        for (ImageWriter w : List.of(new PngWriter(), new GifWriter(), new BmpWriter(), new JpegWriter(),
                new WebpWriter())) {
            WRITERS.put(w.format(), w);
        }
    }

    private ImageCodecs() {
    }

    public static DecodedImage decode(byte[] data) {
        return decode(data, ImageLimits.DEFAULT);
    }

    public static DecodedImage decode(byte[] data, ImageLimits limits) {
        if (data == null || data.length == 0) {
            throw new ImageDecodeException(ErrorCode.EMPTY_INPUT, "no bytes");
        }
        if (data.length > limits.maxBytes()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE,
                    "input is " + data.length + " bytes, limit " + limits.maxBytes());
        }
        ImageFormat format = ImageFormat.sniff(data).orElseThrow(() -> new ImageDecodeException(
                ErrorCode.UNSUPPORTED_FORMAT, "not PNG, GIF, BMP, JPEG or WebP (first bytes " + hexHead(data) + ")"));
        try {
            return DECODERS.get(format).decode(data, limits);
        } catch (StarlightException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, format + ": out of memory while decoding", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ImageDecodeException(ErrorCode.INTERNAL,
                    format + " decoder failed unexpectedly: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static ImageWriter writer(ImageFormat format) {
        return WRITERS.get(format);
    }

    private static String hexHead(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, data.length); i++) {
            sb.append(String.format("%02x", data[i] & 0xFF));
        }
        return sb.toString();
    }
}
