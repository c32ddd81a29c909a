package dev.starlight.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.model.InputStreams;
import dev.starlight.core.model.ModelInputOptions;
import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.testsupport.TinyTrainingSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the tiles of a split are made of, on a tiny set drawn in code (96² covers, so a 32-pixel crop fits). */
class TrainingSplitTest {
    private static final ModelInputOptions OPTIONS = new ModelInputOptions(32, 64);
    @TempDir
    static Path dir;
    static Path train;

    @BeforeAll
    static void make() throws Exception {
        train = TinyTrainingSet.make(dir, 12, 96).resolve(TrainingSetGenerator.TRAIN);
    }

    private static TrainingSplit load(List<String> streams) {
        return TrainingSplit.load(train, OPTIONS, streams, 2, 0, 7L, 1);
    }

    @Test
    void stegoWhoseSamplesEqualTheCoverGivesNoTileWithoutTheMetaStream() {
        TrainingSplit pixelsOnly = load(InputStreams.SHORTCUT_FREE);
        TrainingSplit withMeta = load(InputStreams.LEGACY);
        assertThat(pixelsOnly.stego()).extracting(TileSample::group).doesNotContain("exif", "raw")
                .contains("lsb.replace-0.40");
        assertThat(withMeta.stego()).extracting(TileSample::group).contains("exif", "raw");
    }

    @Test
    void imagesAlsoGiveATileOfASmallCropPaddedLikeAThumbnailAndTheSameTilesEveryTime() {
        TrainingSplit split = load(InputStreams.SHORTCUT_FREE);
        int lsb = InputStreams.SHORTCUT_FREE.indexOf(InputStreams.LSB);
        // 96 = 3 × 32: whole-image tiles are never padded, so a tile whose last columns repeat is a crop narrower
        // than the tile, padded by edge replication
        long padded = split.clean().stream().filter(t -> {
            float[] row = t.streams()[lsb];
            for (int y = 0; y < 32; y++) {
                if (row[y * 32 + 31] != row[y * 32 + 30] || row[y * 32 + 30] != row[y * 32 + 29]) {
                    return false;
                }
            }
            return true;
        }).count();
        assertThat(padded).isPositive();
        TrainingSplit same = load(InputStreams.SHORTCUT_FREE);
        assertThat(same.clean()).hasSameSizeAs(split.clean());
        for (int k = 0; k < split.clean().size(); k++) {
            assertThat(same.clean().get(k).streams()[lsb]).isEqualTo(split.clean().get(k).streams()[lsb]);
        }
    }
}
