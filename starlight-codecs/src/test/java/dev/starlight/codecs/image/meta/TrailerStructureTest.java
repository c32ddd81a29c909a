package dev.starlight.codecs.image.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.MetadataSegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrailerStructureTest {
    private static final byte[] MP4 = ascii("\0\0\0\u0018ftypmp42 and the video");
    private static final MetadataSegment MOTION_XMP = new MetadataSegment(MetadataSegment.Kind.XMP, "APP1", 0,
            ascii("<x:xmpmeta GCamera:MotionPhoto=\"1\"/>"));
    private static final MetadataSegment MPF = new MetadataSegment(MetadataSegment.Kind.OTHER, "APP2", 0,
            ascii("MPF\0II*\0"));

    @Test
    void paddingAndLineEndsAreKnown() {
        assertThat(of(ImageFormat.PNG, List.of(), new byte[7])).contains(TrailerStructure.ZERO_PADDING);
        assertThat(of(ImageFormat.PNG, List.of(), new byte[] {-1, -1})).contains(TrailerStructure.FF_PADDING);
        assertThat(of(ImageFormat.GIF, List.of(), ascii("\r\n"))).contains(TrailerStructure.LINE_END);
        assertThat(of(ImageFormat.GIF, List.of(), ascii("\n\n"))).isEmpty();
    }

    @Test
    void samsungSefIsFoundWhereItsFooterPoints() {
        byte[] sef = ascii("data....SEFH....\u0008\0\0\0SEFT");
        assertThat(of(ImageFormat.JPEG, List.of(), sef)).contains(TrailerStructure.SAMSUNG_SEF);
        byte[] wrongLength = ascii("data....SEFH....\u0009\0\0\0SEFT");
        assertThat(of(ImageFormat.JPEG, List.of(), wrongLength)).isEmpty();
        byte[] hugeLength = ascii("data....SEFH....\u00ff\u00ff\u00ff\u00ffSEFT");
        assertThat(of(ImageFormat.JPEG, List.of(), hugeLength)).isEmpty();
        assertThat(of(ImageFormat.JPEG, List.of(), ascii("\0\0\0\0SEFT"))).isEmpty();
    }

    @Test
    void motionPhotoVideoOnlyAfterAJpegWhoseXmpDeclaresIt() {
        assertThat(of(ImageFormat.JPEG, List.of(MOTION_XMP), MP4)).contains(TrailerStructure.MOTION_PHOTO_VIDEO);
        assertThat(of(ImageFormat.JPEG, List.of(), MP4)).isEmpty();
        assertThat(of(ImageFormat.PNG, List.of(MOTION_XMP), MP4)).isEmpty();
    }

    @Test
    void multiPictureImagesOnlyAfterAJpegWithAnMpfIndex() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2};
        assertThat(of(ImageFormat.JPEG, List.of(MPF), jpeg)).contains(TrailerStructure.MULTI_PICTURE_IMAGES);
        assertThat(of(ImageFormat.JPEG, List.of(), jpeg)).isEmpty();
        assertThat(of(ImageFormat.JPEG, List.of(MPF), ascii("not a jpeg"))).isEmpty();
    }

    @Test
    void multiPictureImagesAfterPaddingAsSomeCamerasWriteThem() {
        byte[] padded = {0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 1, 2};
        assertThat(of(ImageFormat.JPEG, List.of(MPF), padded)).contains(TrailerStructure.MULTI_PICTURE_IMAGES);
        byte[] junkFirst = {0, 7, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 1, 2};
        assertThat(of(ImageFormat.JPEG, List.of(MPF), junkFirst)).isEmpty();
    }

    @Test
    void gainMapThenMotionPhotoVideoWhereTheXmpSaysTheVideoStarts() {
        byte[] gainMap = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, (byte) 0xFF, (byte) 0xD9};
        byte[] trailer = new byte[gainMap.length + MP4.length];
        System.arraycopy(gainMap, 0, trailer, 0, gainMap.length);
        System.arraycopy(MP4, 0, trailer, gainMap.length, MP4.length);
        MetadataSegment container = new MetadataSegment(MetadataSegment.Kind.XMP, "APP1", 0, ascii(
                "<x:xmpmeta GCamera:MotionPhoto=\"1\"><Container:Directory><rdf:li Item:Semantic=\"GainMap\" "
                        + "Item:Length=\"" + gainMap.length + "\"/><rdf:li Item:Semantic=\"MotionPhoto\" Item:Length=\""
                        + MP4.length + "\"/></Container:Directory></x:xmpmeta>"));
        assertThat(of(ImageFormat.JPEG, List.of(container), trailer)).contains(TrailerStructure.MOTION_PHOTO_VIDEO);
        MetadataSegment wrongLength = new MetadataSegment(MetadataSegment.Kind.XMP, "APP1", 0, ascii(
                "<x:xmpmeta GCamera:MotionPhoto=\"1\"><Container:Directory><rdf:li Item:Length=\"" + (MP4.length + 3)
                        + "\"/></Container:Directory></x:xmpmeta>"));
        assertThat(of(ImageFormat.JPEG, List.of(wrongLength), trailer)).isEmpty();
    }

    /** A little-endian TIFF: IFD0 -> Exif IFD -> MakerNote, a plain (Minolta-style) IFD declaring the preview. */
    private static byte[] tiffWithMakerNotePreview(long start, long length) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(74).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("II*\0")).putInt(8);
        b.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        b.putShort((short) 1).putShort((short) 0x927C).putShort((short) 7).putInt(30).putInt(44).putInt(0);
        b.putShort((short) 2).putShort((short) 0x0088).putShort((short) 4).putInt(1).putInt((int) start)
                .putShort((short) 0x0089).putShort((short) 4).putInt(1).putInt((int) length).putInt(0);
        return b.array();
    }

    @Test
    void previewDeclaredByTheMakerNotesWithPaddingAroundIt() {
        // the TIFF header at file offset 20, the trailer at 1000: 16 padding bytes, the 8-byte preview, 4 more
        byte[] trailer = new byte[28];
        byte[] preview = {0, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB, 9, 8, 7, 6};
        System.arraycopy(preview, 0, trailer, 16, preview.length);
        MetadataSegment exif = new MetadataSegment(MetadataSegment.Kind.EXIF, "APP1", 20,
                tiffWithMakerNotePreview(1000 + 16 - 20, preview.length));
        assertThat(TrailerStructure.declaredPreview(List.of(exif), trailer, 1000)).isTrue();
        byte[] nearStart = trailer.clone();
        nearStart[13] = 42;     // a few bytes right before the preview, as a real Minolta file has
        assertThat(TrailerStructure.declaredPreview(List.of(exif), nearStart, 1000)).isTrue();
        byte[] junk = trailer.clone();
        junk[3] = 42;
        assertThat(TrailerStructure.declaredPreview(List.of(exif), junk, 1000)).isFalse();
        byte[] after = trailer.clone();
        after[26] = 42;
        assertThat(TrailerStructure.declaredPreview(List.of(exif), after, 1000)).isFalse();
        MetadataSegment tooLong = new MetadataSegment(MetadataSegment.Kind.EXIF, "APP1", 20,
                tiffWithMakerNotePreview(1000 + 16 - 20, 64));
        assertThat(TrailerStructure.declaredPreview(List.of(tooLong), trailer, 1000)).isFalse();
        assertThat(TrailerStructure.declaredPreview(List.of(exif), trailer, 990)).isFalse();
    }

    @Test
    void descriptionsAreWhatTheTrailerEvidenceReports() {
        assertThat(TrailerStructure.SAMSUNG_SEF.description()).isEqualTo("Samsung SEF trailer");
        assertThat(TrailerStructure.MULTI_PICTURE_IMAGES.description()).isEqualTo("multi-picture (MPF) images");
    }

    private static java.util.Optional<TrailerStructure> of(ImageFormat f, List<MetadataSegment> m, byte[] t) {
        return TrailerStructure.of(f, m, t);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
