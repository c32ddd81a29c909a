package dev.starlight.cli;

import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.protocol.BitOrder;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.protocol.Sidecar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code starlight embed}: hides a message in a cover with one protocol method, checks that it reads back, writes
 * the stego file and its sidecar label.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Hides a message in COVER with one protocol method and writes OUT (and the sidecar OUT.json).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:OUT written", "2:usage error, unreadable cover, or the method cannot carry the message"})
public final class EmbedCommand implements Callable<Integer> {

    static final class Message {
        @Option(names = "--message", paramLabel = "TEXT", required = true, description = "The message (UTF-8).")
        String text;

        @Option(names = "--message-file", paramLabel = "FILE", required = true,
                description = "Read the message bytes from FILE.")
        Path file;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--method", required = true, paramLabel = "METHOD", converter = MethodConverter.class,
            completionCandidates = MethodConverter.class, description = "One of: ${COMPLETION-CANDIDATES}.")
    Method method;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Message message;

    @Option(names = "--bit-order", paramLabel = "ORDER", converter = BitOrderConverter.class,
            completionCandidates = BitOrderConverter.class,
            description = "For palette and lsb.rgb: ${COMPLETION-CANDIDATES} (default lsb-first; alpha is always lsb-first).")
    BitOrder bitOrder;

    @Option(names = "--ai42", description = "Frame the message with the AI42 marker (alpha always does).")
    boolean ai42;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "The stego file to write.")
    Path out;

    @Option(names = "--no-sidecar", description = "Do not write OUT.json.")
    boolean noSidecar;

    @Option(names = {"-f", "--force"}, description = "Overwrite OUT when it exists.")
    boolean force;

    @Parameters(index = "0", paramLabel = "COVER", description = "The cover image.")
    Path cover;

    @Override
    public Integer call() {
        checkBitOrder();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(out) && !force) {
            err.println("starlight embed: " + out + " exists (use --force to overwrite)");
            return ExitCodes.INPUT_ERROR;
        }
        try {
            byte[] coverBytes = Files.readAllBytes(cover);
            byte[] payload = message.file != null ? Files.readAllBytes(message.file)
                    : message.text.getBytes(StandardCharsets.UTF_8);
            EmbedOptions options = new EmbedOptions(bitOrder, ai42);
            long capacity = Protocol.method(method).capacityBytes(ImageCodecs.decode(coverBytes));
            byte[] stego = Protocol.embed(coverBytes, method, payload, options);
            Files.write(out, stego);
            if (!noSidecar) {
                Sidecar.of(method, options, cover.getFileName().toString()).writeBeside(out);
            }
            spec.commandLine().getOut().println(summary(payload.length, capacity, options));
            return ExitCodes.OK;
        } catch (StarlightException e) {
            err.println("starlight embed: " + e.code() + ": " + e.getMessage());
        } catch (IOException e) {
            err.println("starlight embed: " + ErrorResults.IO_ERROR + ": " + IoErrors.describe(null, e));
        }
        return ExitCodes.INPUT_ERROR;
    }

    private void checkBitOrder() {
        boolean lsbMethod = method == Method.PALETTE || method == Method.LSB_RGB;
        boolean alphaDefault = method == Method.ALPHA && bitOrder == BitOrder.LSB_FIRST;
        if (bitOrder != null && !lsbMethod && !alphaDefault) {
            throw new ParameterException(spec.commandLine(), "--bit-order applies to palette and lsb.rgb only"
                    + (method == Method.ALPHA ? " (alpha is always lsb-first)" : ""));
        }
    }

    private String summary(int bytes, long capacity, EmbedOptions options) {
        String order = method == Method.PALETTE || method == Method.LSB_RGB ? " " + options.bitOrder().label() : "";
        String used = capacity > 0 ? String.format(Locale.ROOT, "%.1f%%", 100.0 * bytes / capacity) : "n/a";
        return String.format(Locale.ROOT, "embedded %d bytes with %s%s%s into %s: %d of %d bytes of capacity (%s)",
                bytes, method.label(), order, options.ai42() || method == Method.ALPHA ? " +AI42" : "", out, bytes,
                capacity, used);
    }
}
