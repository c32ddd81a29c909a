package dev.starlight.core.protocol;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.search.LsbSearch;
import dev.starlight.core.search.Recognised;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The five methods together: embed with one, extract with all, from the bytes alone. */
public final class Protocol {
    /** Extractions at or above this confidence count as a recovered message. */
    public static final double MESSAGE_THRESHOLD = 0.9;

    private static final List<StegoMethod> METHODS = List.of(new AlphaMethod(), new PaletteMethod(),
            new LsbRgbMethod(), new ExifMethod(), new RawTrailerMethod());

    private Protocol() {
    }

    public static List<StegoMethod> methods() {
        return METHODS;
    }

    public static StegoMethod method(Method method) {
        return METHODS.get(method.ordinal());
    }

    /**
     * Embeds {@code message} into {@code cover} and checks the result: the new file is decoded and the message
     * extracted again, so a file that would not round-trip is never returned.
     */
    public static byte[] embed(byte[] cover, Method method, byte[] message, EmbedOptions options) {
        DecodedImage image = ImageCodecs.decode(cover);
        boolean sequential = method == Method.LSB_RGB || method == Method.PALETTE;
        if (sequential && !options.ai42() && MessageScore.text(message) <= 0) {
            throw new StarlightException(ErrorCode.MESSAGE_NOT_RECOVERABLE, method.label() + ": an unmarked message "
                    + "is only found again when it is text a reader can tell from noise (UTF-8, at least "
                    + MessageScore.MIN_TEXT_BYTES + " bytes, 5 distinct characters); frame it with AI42 or make it longer");
        }
        byte[] stego = method(method).embed(cover, image, message, options);
        Optional<Extraction> back = method(method).extract(stego, ImageCodecs.decode(stego));
        if (back.isEmpty() || !Arrays.equals(back.get().payload(), message)) {
            throw new StarlightException(ErrorCode.INTERNAL, method.label() + ": embedded message did not read back"
                    + back.map(e -> " (read " + e.payload().length + " bytes)").orElse(""));
        }
        return stego;
    }

    /**
     * Every candidate message any method finds, most confident first (including weak ones, for evidence). When no
     * protocol method recovers a message, {@link LsbSearch} tries the layouts and formats of other tools.
     */
    public static List<Extraction> extractAll(byte[] file, DecodedImage image) {
        List<Extraction> found = new ArrayList<>();
        for (StegoMethod m : METHODS) {
            m.extract(file, image).ifPresent(found::add);
        }
        if (found.stream().noneMatch(e -> e.confidence() >= MESSAGE_THRESHOLD)) {
            LsbSearch.find(image).map(Protocol::fromSearch).ifPresent(found::add);
        }
        found.sort(Comparator.comparingDouble(Extraction::confidence).reversed());
        return found;
    }

    /** A search find as an extraction of the method whose carrier it sits in (index → palette, alpha alone → alpha). */
    static Extraction fromSearch(Recognised r) {
        Method method = switch (r.channels()) {
            case "index" -> Method.PALETTE;
            case "a" -> Method.ALPHA;
            default -> Method.LSB_RGB;
        };
        BitOrder order = r.msbFirst() ? BitOrder.MSB_FIRST : BitOrder.LSB_FIRST;
        return new Extraction(method, order, r.payload(), false, r.confidence(), r.layout() + ": " + r.what(),
                r.layout());
    }

    /** The messages found with at least {@link #MESSAGE_THRESHOLD} confidence, most confident first. */
    public static List<Extraction> messages(byte[] file, DecodedImage image) {
        return extractAll(file, image).stream().filter(e -> e.confidence() >= MESSAGE_THRESHOLD).toList();
    }
}
