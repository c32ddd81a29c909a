package dev.starlight.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code starlight apikey}: the line for the detector's API keys file. The key is read from standard input (never an
 * argument, which would land in the shell history and the process list) and only its SHA-256 is printed.
 */
@Command(name = "apikey", mixinStandardHelpOptions = true,
        description = {"Prints NAME:SHA256 of an API key read from standard input, for the detector's keys file.",
            "The line goes into the file named by starlight.detector.api.keys-file; the key itself is never printed.",
            "Make a key with e.g. `openssl rand -hex 32`."})
public final class ApiKeyCommand implements Callable<Integer> {
    static final int MIN_LENGTH = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Key name shown in metrics and rate limits.")
    String name;

    @Override
    public Integer call() throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--name: letters, digits, '.', '_' or '-', at most 64");
        }
        String key = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (key == null || key.strip().length() < MIN_LENGTH) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the key on standard input must be at least "
                    + MIN_LENGTH + " characters (random: `openssl rand -hex 32`)");
        }
        spec.commandLine().getOut().println(name + ":" + sha256(key.strip()));
        return 0;
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
