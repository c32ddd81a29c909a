package dev.starlight.core.analysis.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.regex.Pattern;
import java.util.zip.Inflater;

/**
 * The metadata policy (docs/metadata-policy.md): metadata that cameras, phones, editors and generators write is not
 * hidden data. Every value is judged by its form; only payload-like forms score at or above
 * {@link #PAYLOAD_SCORE} (a stego verdict by the {@code meta} rule): a protocol marker; compressed, encrypted or
 * binary data; base64, hex or ascii85 text; and, in {@link MetadataField.Role#CAPTION} fields only, text longer or
 * with more lines than real captions and comments have. Plain text anywhere else is reported, never decisive.
 *
 * <p>The boundaries were set on measured distributions of real metadata and of stego messages
 * ({@code bin/metadata-survey --fields}, figures in docs/metadata-policy.md).
 */
public final class MetadataPolicy {
    /** Scores at or above this are payload-like (the {@code meta} structural rule's threshold). */
    public static final double PAYLOAD_SCORE = 0.9;
    /**
     * Longest plain single-line text a caption field holds as a caption. The longest real caption measured was 123
     * characters (a digiKam caption in UserComment and COM of a Debian wallpaper); twice that, rounded up to a power of 2.
     */
    public static final int CAPTION_MAX_CHARS = 256;
    /** Shortest base64 value judged: 24 random bytes; shorter mixed-case tokens are ordinary identifiers. */
    static final int BASE64_MIN_CHARS = 32;
    /** Hex longer than a SHA-256 digest (64 digits), the longest hash that metadata ordinarily stores. */
    static final int HEX_MIN_CHARS = 65;
    private static final int BINARY_MIN_BYTES = 16;
    private static final byte[] AI42 = "AI42".getBytes(StandardCharsets.US_ASCII);
    /**
     * Image generators (AUTOMATIC1111 and its forks) write their prompt, negative prompt and a settings run such as
     * {@code Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512} into a WebP's or JPEG's UserComment:
     * one to a few kilobytes on several lines. A run of at least {@value #SETTINGS_MIN_PAIRS} short
     * {@code Key: value} pairs joined by commas is that form; running prose and markdown do not have it.
     */
    static final int SETTINGS_MIN_PAIRS = 4;
    /** Longest generator text treated as parameters: the longest A1111 text measured was 1,765 characters. */
    static final int PARAMETERS_MAX_CHARS = 8192;
    private static final Pattern SETTINGS_RUN = Pattern.compile(
            "(?:[A-Z][A-Za-z0-9 ]{0,30}: [^,:\\n]{1,200}, ){" + (SETTINGS_MIN_PAIRS - 1)
                    + ",}[A-Z][A-Za-z0-9 ]{0,30}: [^,:\\n]{1,200}");

    /** What a value's form is, and how strongly that form says "payload". */
    public enum Form {
        EMPTY("empty", 0.0),
        PROTOCOL_MARKER("protocol marker AI42", 0.99),
        COMPRESSED("compressed data", 0.95),
        BINARY_HIGH_ENTROPY("high-entropy binary", 0.95),
        BINARY("binary bytes", 0.5),
        BASE64("base64 text", 0.95),
        HEX("hex text", 0.95),
        ASCII85("ascii85 text", 0.95),
        LONG_CAPTION("text longer than captions are", 0.95),
        MULTILINE_CAPTION("multi-line text where captions are one line", 0.95),
        GENERATION_PARAMETERS("image-generator parameters", 0.1),
        CAPTION("caption", 0.1),
        TEXT("text", 0.05);

        private final String label;
        private final double score;

        Form(String label, double score) {
            this.label = label;
            this.score = score;
        }

        public String label() {
            return label;
        }

        public double score() {
            return score;
        }

        public boolean payloadLike() {
            return score >= PAYLOAD_SCORE;
        }
    }

    /**
     * The measured features of a value.
     *
     * @param bytes   length in bytes, trailing NULs and surrounding white space dropped
     * @param chars   length in characters when the value is text, else bytes
     * @param entropy Shannon entropy of the bytes, bits per byte
     * @param lines   non-empty lines of the text (1 for a single line, 0 for binary)
     * @param text    whether the value is strict UTF-8 made of printable characters and white space
     */
    public record Features(int bytes, int chars, double entropy, int lines, boolean text) {
    }

    /** A value's form, its score and the features it was read from. */
    public record Judgement(Form form, double score, Features features) {
        public boolean payloadLike() {
            return form.payloadLike();
        }
    }

    private MetadataPolicy() {
    }

    public static Judgement judge(MetadataField field) {
        return judge(field.role(), field.value());
    }

    public static Judgement judge(MetadataField.Role role, byte[] value) {
        byte[] v = trim(value);
        Features f = features(v);
        Form form = form(role, v, f);
        return new Judgement(form, form.score(), f);
    }

    private static Form form(MetadataField.Role role, byte[] v, Features f) {
        if (v.length == 0) {
            return Form.EMPTY;
        }
        if (v.length >= AI42.length && Arrays.equals(v, 0, AI42.length, AI42, 0, AI42.length)) {
            return Form.PROTOCOL_MARKER;
        }
        if (inflates(v)) {
            return Form.COMPRESSED;
        }
        if (!f.text()) {
            return v.length >= BINARY_MIN_BYTES && f.entropy() >= highEntropy(v.length) ? Form.BINARY_HIGH_ENTROPY
                    : Form.BINARY;
        }
        String s = decodeText(v).orElseThrow();
        if (s.length() >= BASE64_MIN_CHARS && looksBase64(s)) {
            return Form.BASE64;
        }
        if (s.length() >= HEX_MIN_CHARS && looksHex(s)) {
            return Form.HEX;
        }
        if (s.startsWith("<~") && s.endsWith("~>") && s.length() >= BASE64_MIN_CHARS) {
            return Form.ASCII85;
        }
        if (role == MetadataField.Role.CAPTION) {
            if (f.chars() <= PARAMETERS_MAX_CHARS && SETTINGS_RUN.matcher(s).find()) {
                return Form.GENERATION_PARAMETERS;
            }
            if (f.chars() > CAPTION_MAX_CHARS) {
                return Form.LONG_CAPTION;
            }
            return f.lines() > 1 ? Form.MULTILINE_CAPTION : Form.CAPTION;
        }
        return Form.TEXT;
    }

    static Features features(byte[] v) {
        Optional<String> utf8 = decodeText(v);
        boolean text = utf8.isPresent();
        int lines = 0;
        if (text) {
            for (String line : utf8.get().split("\r\n|\r|\n")) {
                lines += line.isBlank() ? 0 : 1;
            }
        }
        int chars = text ? utf8.get().codePointCount(0, utf8.get().length()) : v.length;
        return new Features(v.length, chars, entropy(v), lines, text);
    }

    /** Strict UTF-8, else Latin-1 (tEXt chunks and old COM segments), as long as no control byte is there. */
    private static Optional<String> decodeText(byte[] v) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(v)).toString();
            return printable(s) ? Optional.of(s) : Optional.empty();
        } catch (CharacterCodingException e) {
            String s = new String(v, StandardCharsets.ISO_8859_1);
            return printable(s) ? Optional.of(s) : Optional.empty();
        }
    }

    private static boolean printable(String s) {
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == '\uFFFD') {
                bad++;
            }
        }
        return bad == 0;
    }

    /** Entropy that n uniformly random bytes reach with near certainty (bounded by log2 n for small n). */
    static double highEntropy(int n) {
        return 0.85 * Math.min(7.9, Math.log(n) / Math.log(2));
    }

    /** A zlib stream (RFC 1950 header, checksum-valid) or a gzip member that inflates. */
    static boolean inflates(byte[] v) {
        int off;
        boolean nowrap;
        if (v.length >= 8 && (v[0] & 0x0F) == 8 && (((v[0] & 0xFF) << 8) | (v[1] & 0xFF)) % 31 == 0) {
            off = 0;
            nowrap = false;
        } else if (v.length >= 18 && (v[0] & 0xFF) == 0x1F && (v[1] & 0xFF) == 0x8B && v[2] == 8) {
            off = 10;
            nowrap = true;
        } else {
            return false;
        }
        Inflater inflater = new Inflater(nowrap);
        try {
            inflater.setInput(v, off, v.length - off);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!inflater.finished() && out.size() < 1 << 16) {
                int k = inflater.inflate(buf);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, k);
            }
            return inflater.finished() && out.size() > 0;
        } catch (DataFormatException e) {
            return false;
        } finally {
            inflater.end();
        }
    }

    /** Letters of both cases and digits throughout, nothing but the base64 alphabets and line ends. */
    static boolean looksBase64(String s) {
        int upper = 0;
        int lower = 0;
        int digit = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper++;
            } else if (c >= 'a' && c <= 'z') {
                lower++;
            } else if (c >= '0' && c <= '9') {
                digit++;
            } else if (c != '+' && c != '/' && c != '=' && c != '-' && c != '_' && c != '\n' && c != '\r') {
                return false;
            }
        }
        // words and identifiers are letters of one case or few digits; encoded bytes mix all three throughout
        return upper >= s.length() / 8 && lower >= s.length() / 8 && digit >= s.length() / 32 + 1;
    }

    static boolean looksHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!hex && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Shannon entropy in bits per byte. */
    static double entropy(byte[] data) {
        if (data.length == 0) {
            return 0;
        }
        int[] counts = new int[256];
        for (byte b : data) {
            counts[b & 0xFF]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = c / (double) data.length;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }

    /** Trailing NULs, then surrounding white space, dropped: padding is not content. */
    private static byte[] trim(byte[] b) {
        int end = b.length;
        while (end > 0 && (b[end - 1] == 0 || isSpace(b[end - 1]))) {
            end--;
        }
        int start = 0;
        while (start < end && isSpace(b[start])) {
            start++;
        }
        return start == 0 && end == b.length ? b : Arrays.copyOfRange(b, start, end);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
