package dev.starlight.lab.dataset;

import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.BitOrder;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.protocol.Sidecar;
import dev.starlight.core.scan.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Makes labelled evaluation sets from a folder of clean covers. Each cover goes to one split
 * ({@link CoverSplit}); for each split the generator writes {@code <split>/clean/} (the covers as they are),
 * {@code <split>/clean-variants/<kind>/} (clean images made to tempt a detector, {@link CleanVariants}) and
 * {@code <split>/stego/<group>/} with a sidecar beside every file:
 * <ul>
 *   <li>the five protocol methods in every format they apply to, both bit orders for palette and lsb.rgb,
 *       messages cut from the payload texts at seeded lengths;</li>
 *   <li>random-position LSB replacement and LSB matching at each of {@link #RATES} bits per sample in the colour
 *       planes of lossless covers (palette indices for GIF).</li>
 * </ul>
 * Everything is seeded: the same covers, payloads and seed give the same bytes.
 */
public final class EvalSetGenerator {
    public static final double[] RATES = {0.05, 0.1, 0.2, 0.4};

    /** What one run made. */
    public record Summary(int covers, int calibrationCovers, int holdoutCovers, int stegoFiles, int refused) {
    }

    private final java.util.function.Function<byte[], String> split;
    private final long seed;
    private final MessagePolicy messages;

    /** @param payloadTexts the texts messages are cut from (at least one) */
    public EvalSetGenerator(long seed, double holdoutShare, List<byte[]> payloadTexts) {
        this(seed, new CoverSplit(seed, holdoutShare)::of, MessagePolicy.evaluation(payloadTexts));
    }

    /**
     * @param split    names the split folder of a cover from its bytes (never from its name)
     * @param messages what protocol messages to hide
     */
    EvalSetGenerator(long seed, java.util.function.Function<byte[], ?> split, MessagePolicy messages) {
        this.split = cover -> {
            Object where = split.apply(cover);
            return where instanceof CoverSplit.Split s ? s.label() : where.toString();
        };
        this.seed = seed;
        this.messages = messages;
    }

    /** Summary counts holdout covers as {@code holdoutCovers} and every other split as {@code calibrationCovers}. */
    public Summary generate(Path coversDir, Path outDir) throws IOException {
        List<Path> covers;
        try (Stream<Path> files = Files.list(coversDir)) {
            covers = files.filter(Files::isRegularFile).sorted().toList();
        }
        int calibration = 0;
        int holdout = 0;
        int stego = 0;
        int refused = 0;
        for (Path coverPath : covers) {
            byte[] cover = Files.readAllBytes(coverPath);
            if (ImageFormat.sniff(cover).isEmpty()) {
                continue;
            }
            String where = split.apply(cover);
            if (where.equals(CoverSplit.Split.HOLDOUT.label())) {
                holdout++;
            } else {
                calibration++;
            }
            Path splitDir = outDir.resolve(where);
            String name = coverPath.getFileName().toString();
            Files.createDirectories(splitDir.resolve("clean"));
            Files.write(splitDir.resolve("clean").resolve(name), cover);
            for (var variant : CleanVariants.of(cover, seed ^ name.hashCode()).entrySet()) {
                Path dir = Files.createDirectories(splitDir.resolve("clean-variants").resolve(variant.getKey()));
                String file = variant.getKey().equals("grey-palette") ? stem(name) + ".gif" : name;
                Files.write(dir.resolve(file), variant.getValue());
            }
            SplittableRandom random = new SplittableRandom(seed ^ Scanner.sha256(cover).hashCode());
            for (Made made : stegoFor(cover, name, random)) {
                if (made.bytes == null) {
                    refused++;
                    continue;
                }
                Path dir = splitDir.resolve("stego").resolve(made.group);
                Files.createDirectories(dir);
                Path file = dir.resolve(name);
                Files.write(file, made.bytes);
                made.sidecar.writeBeside(file);
                stego++;
            }
        }
        return new Summary(calibration + holdout, calibration, holdout, stego, refused);
    }

    private record Made(String group, byte[] bytes, Sidecar sidecar) {
    }

    private List<Made> stegoFor(byte[] cover, String cleanName, SplittableRandom random) {
        DecodedImage image = ImageCodecs.decode(cover);
        List<Made> out = new ArrayList<>();
        for (Method method : Method.values()) {
            List<BitOrder> orders = method == Method.PALETTE || method == Method.LSB_RGB
                    ? List.of(BitOrder.LSB_FIRST, BitOrder.MSB_FIRST) : List.of(BitOrder.LSB_FIRST);
            for (BitOrder order : orders) {
                if (!Protocol.method(method).notApplicable(image).isEmpty()) {
                    continue;
                }
                String group = orders.size() > 1 ? method.label() + "-" + order.label() : method.label();
                EmbedOptions options = new EmbedOptions(order, random.nextBoolean());
                out.add(protocolStego(cover, method, options, group, cleanName, random));
            }
        }
        if (!image.lossy()) {
            for (RandomLsbEmbedder.Kind kind : RandomLsbEmbedder.Kind.values()) {
                for (double rate : RATES) {
                    String group = kind.label() + "-" + String.format(Locale.ROOT, "%.2f", rate);
                    byte[] bytes = RandomLsbEmbedder.embed(cover, kind, rate, random.nextLong());
                    out.add(new Made(group, bytes, Sidecar.ofRandomLsb(kind.label(), rate, cleanName)));
                }
            }
        }
        return out;
    }

    /** A message from the policy, shortened until it fits, or a refusal. */
    private Made protocolStego(byte[] cover, Method method, EmbedOptions options, String group, String cleanName,
                               SplittableRandom random) {
        byte[] full = messages.message(random);
        int length = full.length;
        while (length >= messages.shortest()) {
            byte[] message = messages.shorten(full, length);
            try {
                byte[] stego = Protocol.embed(cover, method, message, options);
                Sidecar sidecar = Sidecar.of(method, options, cleanName).withMessageSha256(Scanner.sha256(message));
                return new Made(group, stego, sidecar);
            } catch (StarlightException e) {
                length /= 2;
            }
        }
        return new Made(group, null, null);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The first {@code length} bytes of UTF-8 text, shortened so no character is cut in half. */
    static byte[] cutAtCharacter(byte[] text, int length) {
        int end = Math.min(length, text.length);
        while (end > 0 && end < text.length && (text[end] & 0xC0) == 0x80) {
            end--;
        }
        byte[] out = new byte[end];
        System.arraycopy(text, 0, out, 0, end);
        return out;
    }

    /** Reads every {@code *.md}/{@code *.txt} file of a folder as payload text. */
    public static List<byte[]> payloadTexts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<byte[]> texts = new ArrayList<>();
            for (Path p : files.sorted().toList()) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.endsWith(".md") || n.endsWith(".txt")) {
                    texts.add(Files.readString(p, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
                }
            }
            return texts;
        }
    }
}
