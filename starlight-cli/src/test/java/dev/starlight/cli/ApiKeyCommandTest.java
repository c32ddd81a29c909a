package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code starlight apikey}: a key on standard input becomes a keys-file line; the key itself is never printed. */
class ApiKeyCommandTest {

    private static CliRun withStdin(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void printsNameColonSha256OfTheKeyOnStandardInput() {
        CliRun run = withStdin("0123456789abcdef-key\n", "apikey", "--name", "ci");
        assertThat(run.exitCode()).isZero();
        // as `printf %s 0123456789abcdef-key | sha256sum` prints it
        assertThat(run.out().strip())
                .isEqualTo("ci:b3968bdcf7fd8101ac10aef0c1246e9d0f9b25c810d15f5a1f1764beea16f950");
    }

    @Test
    void refusesAShortKeyAndABadName() {
        CliRun shortKey = withStdin("short\n", "apikey", "--name", "ci");
        assertThat(shortKey.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(shortKey.err()).contains("at least 16 characters");

        CliRun badName = withStdin("0123456789abcdef-key\n", "apikey", "--name", "a:b");
        assertThat(badName.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
    }
}
