package dev.starlight.cli;

import dev.starlight.lab.hostile.HostileCorpus;
import dev.starlight.lab.hostile.HostileFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code starlight hostile}: writes the seeded corpus of malformed and hostile files. */
@Command(name = "hostile", mixinStandardHelpOptions = true,
        description = {"Writes a seeded corpus of malformed and hostile image files.",
            "Mutations of valid files of every format and crafted cases (huge headers, decompression bombs, lengths "
                + "past the end, palette indices out of range, huge and recursive metadata, empty files, polyglots).",
            "Files are named NNNNN-kind.ext; manifest.tsv lists name, kind, seed and size. The same seed gives the "
                + "same bytes."})
public final class HostileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path out;

    @Option(names = "--count", defaultValue = "1000", paramLabel = "N", description = "How many files (${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "20261125", paramLabel = "S", description = "Seed (${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
        }
        Files.createDirectories(out);
        HostileCorpus corpus = new HostileCorpus(seed);
        long bytes = 0;
        try (BufferedWriter manifest = Files.newBufferedWriter(out.resolve("manifest.tsv"), StandardCharsets.UTF_8)) {
            manifest.write("name\tkind\tseed\tsize\n");
            for (int i = 0; i < count; i++) {
                HostileFile f = corpus.file(i);
                Files.write(out.resolve(f.name()), f.data());
                manifest.write(f.name() + "\t" + f.kind() + "\t" + f.seed() + "\t" + f.data().length + "\n");
                bytes += f.data().length;
            }
        }
        spec.commandLine().getOut().printf("%d hostile files (%d kinds, seed %d, %d bytes) -> %s%n", count,
                HostileCorpus.kinds().size(), seed, bytes, out);
        return ExitCodes.OK;
    }
}
