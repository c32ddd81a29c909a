package dev.starlight.lab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataChecksumTest {
    @TempDir
    Path dir;

    @Test
    void aFolderAndTheListOfItsFilesHaveOneChecksum() throws Exception {
        Path a = Files.write(Files.createDirectories(dir.resolve("clean")).resolve("a.png"), new byte[] {1, 2});
        Path b = Files.write(Files.createDirectories(dir.resolve("stego")).resolve("b.png"), new byte[] {3});

        assertThat(DataChecksum.of(dir, List.of(b, a))).isEqualTo(DataChecksum.of(dir))
                .matches("[0-9a-f]{64}");
        assertThat(DataChecksum.commonFolder(List.of(dir.resolve("clean"), dir.resolve("stego"))))
                .isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void aFileNamedOtherwiseChangesTheChecksum() throws Exception {
        Files.write(dir.resolve("a.png"), new byte[] {1, 2});
        String before = DataChecksum.of(dir);
        Files.move(dir.resolve("a.png"), dir.resolve("b.png"));

        assertThat(DataChecksum.of(dir)).isNotEqualTo(before);
    }
}
