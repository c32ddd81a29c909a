package dev.starlight.lab.zoo;

import java.util.Locale;

/**
 * The families of ordinary clean images in the zoo: each is one folder ({@link #folder()}: family-format), with
 * what it imitates and which real tools made it (the zoo's README lists both). None holds hidden data.
 */
public enum ZooFamily {
    CAMERA_JPEG("jpg", "camera JPEG: sensor-like noise, EXIF (make, model, exposure, lens, dates), maker note, GPS on most, EXIF thumbnail, sRGB ICC profile, XMP from the camera's software; no comment",
            "cjpeg (quality 88-97, 4:2:0 or 4:2:2), exiftool"),
    CAMERA_JPEG_CAPTIONED("jpg", "camera JPEG as above with a short EXIF UserComment caption, an editor's COM comment, an IPTC Caption-Abstract and XMP dc:description",
            "cjpeg, exiftool"),
    PHONE_JPEG_MPF("jpg", "phone JPEG with EXIF, thumbnail, ICC and a CIPA DC-007 MPF index (APP2) with a large preview JPEG after the primary image",
            "cjpeg (both images), exiftool; MPF index written by Containers"),
    PHONE_JPEG_TRAILER("jpg", "Samsung phone JPEG with EXIF and the SEFH/SEFT trailer (capture time, country code) after the image",
            "cjpeg, exiftool; trailer written by Containers"),
    EDITED_JPEG("jpg", "JPEG saved by Photoshop or Lightroom: Software tag, XMP with xmpMM history, document IDs, camera-raw settings (Lightroom), ICC; some progressive",
            "cjpeg, exiftool"),
    EDITED_PNG("png", "PNG saved by GIMP or Photoshop: Software and Comment text chunks, XMP packet (iTXt) with history",
            "ImageMagick convert, exiftool"),
    EDITED_WEBP("webp", "lossy WebP exported by an editor: EXIF Software, XMP with history",
            "cwebp, exiftool"),
    AI_PNG_A1111("png", "AUTOMATIC1111 Stable Diffusion PNG: a tEXt 'parameters' chunk (prompt, negative prompt, steps, sampler, seed, model)",
            "ImageMagick convert; tEXt chunk written by Containers as Pillow does"),
    AI_PNG_COMFYUI("png", "ComfyUI PNG: tEXt 'prompt' (node graph JSON) and 'workflow' (editor graph JSON)",
            "ImageMagick convert; tEXt chunks written by Containers as Pillow does"),
    AI_PNG_OTHER("png", "other generators' PNG text keys: NovelAI (Title, Description, Software, Source, Comment JSON), InvokeAI (invokeai_metadata), Fooocus (parameters JSON, fooocus_scheme)",
            "ImageMagick convert; tEXt chunks written by Containers as Pillow does"),
    AI_WEBP("webp", "AUTOMATIC1111 WebP: the generation parameters in EXIF UserComment",
            "cwebp, exiftool"),
    SCREENSHOT_PNG("png", "screenshots of flat user interfaces (windows, bars, text-like glyph rows, icons, some with a photo); some with the macOS XMP 'Screenshot' UserComment",
            "drawn in code, ImageMagick convert (palette or RGB, as it chooses), exiftool"),
    FLAT_GRAPHICS_WEBP("webp", "flat graphics (banners, charts, logos) as lossless or high-quality lossy WebP",
            "drawn in code, cwebp"),
    DECODED_PNG("png", "a JPEG (quality 50-95) decoded and saved as PNG: the most common 'lossless' image on the web",
            "cjpeg, djpeg, ImageMagick convert"),
    DECODED_WEBP("webp", "a JPEG (quality 50-95) decoded and saved as lossless WebP",
            "cjpeg, djpeg, cwebp -lossless"),
    PHOTO_WEBP("webp", "photographs as lossy WebP (quality 60-95, some sharp YUV)",
            "cwebp"),
    RESIZED_JPEG("jpg", "a camera JPEG resized (50-90%, or enlarged 110-140%) with Lanczos, Triangle, Catrom or Mitchell and saved as JPEG 75-95",
            "cjpeg, ImageMagick convert"),
    RESIZED_PNG("png", "a camera JPEG resized and saved as PNG",
            "cjpeg, ImageMagick convert"),
    CROPPED_JPEG("jpg", "a camera JPEG cropped losslessly on the MCU grid",
            "cjpeg, jpegtran -crop"),
    ROTATED_JPEG("jpg", "a camera JPEG rotated by 90/180/270 degrees, losslessly (jpegtran) or re-encoded (convert)",
            "cjpeg, jpegtran -rotate, ImageMagick convert"),
    ROTATED_PNG("png", "a photo rotated by 90/270 degrees or straightened by a few degrees on white, saved as PNG",
            "ImageMagick convert"),
    SHARPENED_JPEG("jpg", "a camera JPEG sharpened (unsharp mask) and saved as JPEG 85-95",
            "cjpeg, ImageMagick convert"),
    SHARPENED_PNG("png", "a photo sharpened (unsharp mask) and saved as PNG",
            "ImageMagick convert"),
    NOISY_JPEG("jpg", "sensor-like noise (signal-dependent shot noise plus read noise, spread by demosaicing) before JPEG compression 85-98",
            "noise in code, cjpeg"),
    NOISY_PNG("png", "sensor-like noise as above, saved as PNG",
            "noise in code, ImageMagick convert"),
    RESAVED_JPEG("jpg", "a JPEG decoded and saved again at quality 60-100, 4:2:0 or 4:4:4, some progressive, some with optimised Huffman tables; or transcoded losslessly",
            "cjpeg, djpeg, jpegtran"),
    DITHERED_GIF("gif", "photographs reduced to 32-256 colours with Floyd-Steinberg or Riemersma dithering, some optimised by gifsicle",
            "ImageMagick convert, gifsicle"),
    PNG16("png", "16-bit PNG (RGB, some grey) from a resampled photo, full 16-bit precision",
            "ImageMagick convert -depth 16"),
    GREY_PNG("png", "8-bit greyscale PNG of a photo",
            "ImageMagick convert"),
    GREY_JPEG("jpg", "greyscale JPEG of a photo, quality 75-95",
            "cjpeg -grayscale"),
    ANIMATED_GIF("gif", "animated GIF: 4-8 frames panning over a photo, looping, some optimised by gifsicle",
            "ImageMagick convert, gifsicle"),
    ANIMATED_WEBP("webp", "animated lossy WebP: 4-8 frames panning over a photo, looping",
            "img2webp"),
    ANIMATED_PNG("png", "APNG: 4-8 frames panning over a photo",
            "ImageMagick convert (frames); acTL/fcTL/fdAT assembled by Containers as apngasm does");

    private final String extension;
    private final String imitates;
    private final String madeBy;

    ZooFamily(String extension, String imitates, String madeBy) {
        this.extension = extension;
        this.imitates = imitates;
        this.madeBy = madeBy;
    }

    /** The family's folder name, e.g. {@code camera-jpeg}, {@code ai-png-a1111}. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String extension() {
        return extension;
    }

    public String imitates() {
        return imitates;
    }

    public String madeBy() {
        return madeBy;
    }
}
