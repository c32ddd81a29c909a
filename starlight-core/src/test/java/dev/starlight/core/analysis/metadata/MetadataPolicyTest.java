package dev.starlight.core.analysis.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.analysis.metadata.MetadataField.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The boundaries of the metadata policy, each on both sides. */
class MetadataPolicyTest {

    private static MetadataPolicy.Judgement judge(Role role, String s) {
        return MetadataPolicy.judge(role, s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void captionLengthBoundaryIsTheLastCaptionCharacterAllowed() {
        String words = "a quiet harbour at dawn with fishing boats ".repeat(10);
        assertThat(judge(Role.CAPTION, words.substring(0, MetadataPolicy.CAPTION_MAX_CHARS)).form())
                .isEqualTo(MetadataPolicy.Form.CAPTION);
        assertThat(judge(Role.CAPTION, words.substring(0, MetadataPolicy.CAPTION_MAX_CHARS) + "x").form())
                .isEqualTo(MetadataPolicy.Form.LONG_CAPTION);
    }

    @Test
    void imageGeneratorParametersInACaptionFieldAreNotAPayload() {
        String a1111 = "a lighthouse on a cliff, golden hour, masterpiece, photorealistic, highly detailed\n"
                + "Negative prompt: lowres, bad hands, jpeg artifacts, signature, watermark, worst quality\n"
                + "Steps: 35, Sampler: DPM++ 2M Karras, CFG scale: 7.5, Seed: 2974268033, Size: 512x512, "
                + "Model hash: 00e230cf37, Model: sd_xl_base_1.0, Version: v1.6.0";
        MetadataPolicy.Judgement judgement = judge(Role.CAPTION, a1111);
        assertThat(judgement.form()).isEqualTo(MetadataPolicy.Form.GENERATION_PARAMETERS);
        assertThat(judgement.payloadLike()).isFalse();
    }

    @Test
    void threeSettingsPairsOrMarkdownProseStillReadAsAMultiLineMessage() {
        String threePairs = "meet me at the usual place\nSteps: 20, Sampler: Euler, Seed: 1";
        assertThat(judge(Role.CAPTION, threePairs).form()).isEqualTo(MetadataPolicy.Form.MULTILINE_CAPTION);
        String markdown = "# Plan\n\nThe drop is at: the old mill, north door, after dark.\n- bring: the key";
        assertThat(judge(Role.CAPTION, markdown).payloadLike()).isTrue();
    }

    @Test
    void longTextInADocumentFieldIsOnlyText() {
        String words = "a quiet harbour at dawn with fishing boats\n".repeat(100);
        assertThat(judge(Role.DOCUMENT, words).form()).isEqualTo(MetadataPolicy.Form.TEXT);
        assertThat(judge(Role.DOCUMENT, words).payloadLike()).isFalse();
    }

    @Test
    void lineBreaksDecideOnlyInCaptionsAndTrailingOnesDoNotCount() {
        assertThat(judge(Role.CAPTION, "line one\nline two").form()).isEqualTo(MetadataPolicy.Form.MULTILINE_CAPTION);
        assertThat(judge(Role.CAPTION, "one line\r\n\n").form()).isEqualTo(MetadataPolicy.Form.CAPTION);
    }

    @Test
    void hexBoundaryLiesJustAboveASha256Digest() {
        String digest = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertThat(judge(Role.DOCUMENT, digest).form()).isEqualTo(MetadataPolicy.Form.TEXT);
        assertThat(judge(Role.DOCUMENT, digest + "0").form()).isEqualTo(MetadataPolicy.Form.HEX);
    }

    @Test
    void base64NeedsAllThreeCharacterClassesAndTheMinimumLength() {
        assertThat(judge(Role.DOCUMENT, "U2FsdGVkX19aK3JvZ2VyMTIzNDU2Nzg5").form()).isEqualTo(MetadataPolicy.Form.BASE64);
        assertThat(judge(Role.DOCUMENT, "U2FsdGVkX19aK3JvZ2VyMTIzNDU2Nzg").form()).isEqualTo(MetadataPolicy.Form.TEXT);
        assertThat(judge(Role.DOCUMENT, "HierarchicalSubjectPlacesEuropeDenmark").form())
                .isEqualTo(MetadataPolicy.Form.TEXT);
    }

    @Test
    void latin1TextIsTextAndControlBytesMakeBinary() {
        byte[] latin1 = "LGPLv3 Risto Saukonpää".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MetadataPolicy.judge(Role.CAPTION, latin1).form()).isEqualTo(MetadataPolicy.Form.CAPTION);
        byte[] low = {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2};
        assertThat(MetadataPolicy.judge(Role.CAPTION, low).form()).isEqualTo(MetadataPolicy.Form.BINARY);
        assertThat(MetadataPolicy.judge(Role.CAPTION, low).payloadLike()).isFalse();
    }

    @Test
    void trailingNulsAndBlankPaddingAreEmpty() {
        assertThat(MetadataPolicy.judge(Role.CAPTION, new byte[64]).form()).isEqualTo(MetadataPolicy.Form.EMPTY);
        assertThat(judge(Role.CAPTION, " ".repeat(264)).form()).isEqualTo(MetadataPolicy.Form.EMPTY);
    }
}
