package dev.starlight.cli;

import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code starlight extract FILE...}: recovers protocol messages from files, without covers or sidecars. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Recovers the messages hidden in image files by the protocol methods.",
            "Prints each message at or above the message threshold (" + Protocol.MESSAGE_THRESHOLD + " confidence);"
                + " --all prints the weaker candidates too, --method tries one method and prints its candidate"
                + " however weak."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a message (at or above the threshold) was found", "1:no message found",
            "2:usage error, or a file could not be read or decoded (wins over 0 and 1)"})
public final class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files.")
    List<Path> files;

    @Option(names = "--method", paramLabel = "METHOD", converter = MethodConverter.class,
            completionCandidates = MethodConverter.class, description = "Only this method: ${COMPLETION-CANDIDATES}.")
    Method method;

    @Option(names = "--all", description = "Print every candidate, also those below the threshold.")
    boolean all;

    @Option(names = "--json", description = "One JSON object per candidate per line.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write each message's bytes to DIR/<file>.<method>.bin.")
    Path outDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean found = false;
        boolean failed = false;
        for (Path file : files) {
            try {
                byte[] data = Files.readAllBytes(file);
                List<Extraction> candidates = candidates(data, ImageCodecs.decode(data));
                if (candidates.isEmpty()) {
                    err.println("starlight extract: " + file + ": no message found");
                }
                for (Extraction e : candidates) {
                    found |= e.confidence() >= Protocol.MESSAGE_THRESHOLD;
                    ExtractedMessage message = ExtractedMessage.of(file.toString(), e, save(file, e));
                    out.println(json ? message.toJson() : message.toLine());
                }
            } catch (StarlightException e) {
                failed = true;
                err.println("starlight extract: " + file + ": " + e.code() + ": " + e.getMessage());
            } catch (IOException e) {
                failed = true;
                err.println("starlight extract: " + ErrorResults.IO_ERROR + ": " + IoErrors.describe(file, e));
            }
        }
        out.flush();
        if (failed) {
            return ExitCodes.INPUT_ERROR;
        }
        return found ? ExitCodes.OK : ExitCodes.NOTHING_FOUND;
    }

    private List<Extraction> candidates(byte[] data, DecodedImage image) {
        if (method != null) {
            return Protocol.method(method).extract(data, image).stream().toList();
        }
        List<Extraction> every = Protocol.extractAll(data, image);
        return all ? every : every.stream().filter(e -> e.confidence() >= Protocol.MESSAGE_THRESHOLD).toList();
    }

    private String save(Path file, Extraction e) throws IOException {
        if (outDir == null) {
            return null;
        }
        Files.createDirectories(outDir);
        Path target = outDir.resolve(file.getFileName() + "." + e.method().label() + ".bin");
        Files.write(target, e.payload());
        return target.toString();
    }
}
