package dev.starlight.core.protocol;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import java.util.Arrays;
import java.util.Optional;

/**
 * Method 4, raw (category eoi): the message in the bytes after the end of the image (after JPEG's EOI, PNG's IEND
 * and its CRC, GIF's trailer, WebP's RIFF length, BMP's declared size). The reference sample generator writes the
 * bare message; other generators write {@code AI42 + message + 0x00}. Embedding replaces any existing trailer.
 */
public final class RawTrailerMethod implements StegoMethod {
    /** Generous bound: the scan path caps whole files well below this. */
    private static final long CAPACITY = 64L << 20;

    @Override
    public Method method() {
        return Method.RAW;
    }

    @Override
    public Optional<String> notApplicable(DecodedImage image) {
        return Optional.empty();
    }

    @Override
    public long capacityBytes(DecodedImage image) {
        return CAPACITY;
    }

    @Override
    public byte[] embed(byte[] cover, DecodedImage image, byte[] message, EmbedOptions options) {
        if (message.length > CAPACITY) {
            throw new StarlightException(ErrorCode.CAPACITY_EXCEEDED, "raw: message above " + CAPACITY + " bytes");
        }
        byte[] body = options.ai42() ? Ai42.frame(message) : message;
        int end = (int) image.imageEnd();
        byte[] out = Arrays.copyOf(cover, end + body.length);
        System.arraycopy(body, 0, out, end, body.length);
        return out;
    }

    @Override
    public Optional<Extraction> extract(byte[] file, DecodedImage image) {
        byte[] trailer = image.trailer();
        if (trailer.length == 0 || isPadding(trailer)) {
            return Optional.empty();
        }
        String where = trailer.length + " bytes after the end of the image at offset " + image.imageEnd();
        if (Ai42.startsWith(trailer, 0)) {
            int nul = indexOf(trailer, (byte) 0, 4);
            byte[] payload = Arrays.copyOfRange(trailer, 4, nul < 0 ? trailer.length : nul);
            return Optional.of(new Extraction(Method.RAW, null, payload, true,
                    nul < 0 ? 0.9 : SequentialLsb.MARKED, "AI42 marker in " + where));
        }
        double text = MessageScore.text(trailer);
        if (text > 0) {
            return Optional.of(new Extraction(Method.RAW, null, trailer, false, text, "text in " + where));
        }
        return Optional.of(new Extraction(Method.RAW, null, trailer, false, 0.3, "unrecognised bytes in " + where));
    }

    /** Zero bytes, 0xFF fill or whitespace: what encoders and editors leave, not a message. */
    static boolean isPadding(byte[] trailer) {
        byte first = trailer[0];
        boolean uniform = true;
        boolean whitespace = true;
        for (byte b : trailer) {
            uniform &= b == first;
            whitespace &= b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0;
        }
        return uniform && (first == 0 || first == (byte) 0xFF) || whitespace;
    }

    private static int indexOf(byte[] data, byte value, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
