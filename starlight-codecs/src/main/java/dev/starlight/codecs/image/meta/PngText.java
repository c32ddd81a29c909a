package dev.starlight.codecs.image.meta;

import dev.starlight.codecs.image.ByteReader;
import dev.starlight.codecs.image.ImageLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The keyword and text of a PNG text chunk body (tEXt, zTXt, iTXt) as {@code MetadataSegment} keeps it. Damage
 * gives an empty text rather than an error: a text chunk is never needed to decode the image. Compressed text is
 * inflated to at most {@link ImageLimits#MAX_INFLATED_TEXT_BYTES}; the rest is not read.
 *
 * @param keyword       the keyword before the first NUL; empty when the body has no NUL
 * @param text          the text, Latin-1 for tEXt and zTXt, UTF-8 for iTXt
 * @param compressed    whether the text was stored deflated
 * @param international whether the chunk is an iTXt
 */
public record PngText(String keyword, String text, boolean compressed, boolean international) {

    /** The three PNG text chunk types. */
    public enum Chunk {
        TEXT, ZTXT, ITXT;

        /** The type named at the start of a metadata key ({@code "zTXt:Comment"}); tEXt for anything else. */
        public static Chunk ofKey(String key) {
            if (key.startsWith("zTXt")) {
                return ZTXT;
            }
            return key.startsWith("iTXt") ? ITXT : TEXT;
        }
    }

    public static PngText read(Chunk chunk, byte[] body) {
        ByteReader in = new ByteReader(body);
        int nul = in.indexOf(0);
        if (nul < 0) {
            return new PngText("", latin1(body), false, chunk == Chunk.ITXT);
        }
        String keyword = new String(body, 0, nul, StandardCharsets.ISO_8859_1);
        in.seek(nul + 1);
        return switch (chunk) {
            case TEXT -> new PngText(keyword, latin1(in.bytes(in.remaining(), "tEXt text")), false, false);
            case ZTXT -> new PngText(keyword, latin1(zText(in)), true, false);
            case ITXT -> internationalText(keyword, in);
        };
    }

    /** Compression method (one byte), then the deflated text. */
    private static byte[] zText(ByteReader in) {
        if (in.remaining() < 2) {
            return new byte[0];
        }
        in.skip(1, "zTXt compression method");
        return inflate(in);
    }

    /** Compression flag, compression method, language tag, NUL, translated keyword, NUL, then the text. */
    private static PngText internationalText(String keyword, ByteReader in) {
        if (in.remaining() < 2) {
            return new PngText(keyword, "", false, true);
        }
        boolean compressed = in.u8("iTXt compression flag") != 0;
        in.skip(1, "iTXt compression method");
        int language = in.indexOf(0);
        if (language < 0) {
            return new PngText(keyword, "", compressed, true);
        }
        in.seek(language + 1);
        int translated = in.indexOf(0);
        if (translated < 0) {
            return new PngText(keyword, "", compressed, true);
        }
        in.seek(translated + 1);
        byte[] text = compressed ? inflate(in) : in.bytes(in.remaining(), "iTXt text");
        return new PngText(keyword, new String(text, StandardCharsets.UTF_8), compressed, true);
    }

    /** The rest of the reader inflated, up to the cap; nothing when the stream is corrupt. */
    private static byte[] inflate(ByteReader in) {
        if (!in.hasRemaining()) {
            return new byte[0];
        }
        int cap = ImageLimits.MAX_INFLATED_TEXT_BYTES;
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in.data(), in.position(), in.remaining());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished() && out.size() < cap) {
                int k = inflater.inflate(buf);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, Math.min(k, cap - out.size()));
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return new byte[0];
        } finally {
            inflater.end();
        }
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
