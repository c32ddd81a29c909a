package dev.starlight.lab.zoo;

import dev.starlight.lab.zoo.ZooTexts.Camera;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static dev.starlight.lab.zoo.ZooTexts.pick;

/**
 * Makes one image of a {@link ZooFamily} from a cover, with the real tools ({@link Tools}) and one exiftool
 * session. Every choice (quality, tool options, tags) is drawn from the random it is given, so the same cover and
 * seed give the same bytes. Not thread-safe: one maker per worker thread (it owns a scratch folder).
 */
final class FamilyMaker implements AutoCloseable {
    private final Path scratch;
    private final ExifToolSession exif = new ExifToolSession();

    FamilyMaker(Path scratch) {
        this.scratch = scratch;
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] make(ZooFamily family, Rgb cover, SplittableRandom r) {
        return switch (family) {
            case CAMERA_JPEG -> withExif(cameraJpeg(cover, r), "jpg", cameraTags(cameraFor(r), cover, r));
            case CAMERA_JPEG_CAPTIONED -> {
                List<String> tags = cameraTags(cameraFor(r), cover, r);
                String caption = pick(ZooTexts.CAPTIONS, r);
                tags.add("-UserComment=" + caption);
                tags.add("-Comment=" + pick(ZooTexts.EDITOR_COMMENTS, r));
                tags.add("-IPTC:Caption-Abstract=" + caption);
                tags.add("-XMP-dc:Description=" + caption);
                if (r.nextInt(3) == 0) {
                    tags.add("-ImageDescription=" + (r.nextBoolean() ? "OLYMPUS DIGITAL CAMERA" : caption));
                }
                yield withExif(cameraJpeg(cover, r), "jpg", tags);
            }
            case PHONE_JPEG_MPF -> {
                Camera phone = phone(r);
                byte[] primary = withExif(cameraJpeg(cover, r), "jpg", cameraTags(phone, cover, r));
                Rgb small = cover.scaleDown(Math.max(1, cover.width() / 2), Math.max(1, cover.height() / 2));
                yield Containers.withMpfPreview(primary, cjpeg(small, 80 + r.nextInt(11)));
            }
            case PHONE_JPEG_TRAILER -> {
                Camera samsung = r.nextBoolean() ? ZooTexts.CAMERAS.get(10) : ZooTexts.CAMERAS.get(11);
                byte[] jpeg = withExif(cameraJpeg(cover, r), "jpg", cameraTags(samsung, cover, r));
                yield Containers.withSamsungTrailer(jpeg, 1_546_300_800_000L + r.nextLong(180_000_000_000L),
                        pick(List.of(208, 234, 262, 310, 450, 505), r));
            }
            case EDITED_JPEG -> {
                String editor = pick(ZooTexts.EDITORS.subList(0, 4), r);
                List<String> args = new ArrayList<>(List.of("-quality", q(r, 80, 95)));
                if (r.nextBoolean()) {
                    args.add("-progressive");
                }
                List<String> tags = editorTags(editor, "image/jpeg", r);
                tags.add("-ICC_Profile<=" + Tools.SRGB_ICC);
                if (r.nextBoolean()) {
                    Camera c = pick(ZooTexts.CAMERAS, r);
                    tags.add("-Make=" + c.make());
                    tags.add("-Model=" + c.model());
                }
                yield withExif(cjpeg(noise(cover, r, 0.4), args), "jpg", tags);
            }
            case EDITED_PNG -> {
                String editor = pick(List.of("GIMP 2.10.34", "GIMP 2.10.22", "Adobe Photoshop 24.1 (Windows)",
                        "Adobe Photoshop 23.5 (Macintosh)"), r);
                List<String> tags = editorTags(editor, "image/png", r);
                tags.add("-PNG:Software=" + editor);
                if (editor.startsWith("GIMP")) {
                    tags.add("-PNG:Comment=Created with GIMP");
                }
                yield withExif(convert(cover, List.of(), "png24:-", true), "png", tags);
            }
            case EDITED_WEBP -> {
                String editor = pick(ZooTexts.EDITORS, r);
                List<String> tags = editorTags(editor, "image/webp", r);
                tags.add("-EXIF:Software=" + editor);
                yield withExif(cwebp(cover, List.of("-q", q(r, 75, 92))), "webp", tags);
            }
            case AI_PNG_A1111 -> Containers.withPngText(plainPng(cover),
                    List.<String[]>of(new String[] {"parameters", ZooTexts.a1111(r, cover.width(), cover.height())}));
            case AI_PNG_COMFYUI -> {
                String pos = ZooTexts.prompt(r);
                String neg = ZooTexts.negative(r);
                long seed = ZooTexts.seed(r);
                yield Containers.withPngText(plainPng(cover), List.of(
                        new String[] {"prompt", ZooTexts.comfyPrompt(r, cover.width(), cover.height(), pos, neg, seed)},
                        new String[] {"workflow", ZooTexts.comfyWorkflow(r, cover.width(), cover.height(), pos, neg, seed)}));
            }
            case AI_PNG_OTHER -> Containers.withPngText(plainPng(cover), otherGenerator(cover, r));
            case AI_WEBP -> withExif(cwebp(cover, List.of("-q", q(r, 80, 95))), "webp",
                    List.of("-EXIF:UserComment=" + ZooTexts.a1111(r, cover.width(), cover.height())));
            case SCREENSHOT_PNG -> {
                Rgb screen = FlatDrawing.screenshot(cover, r);
                byte[] png = convert(screen, List.of(), r.nextBoolean() ? "png:-" : "png24:-", true);
                if (r.nextInt(4) == 0) { // macOS: an XMP packet saying what it is
                    png = withExif(png, "png", List.of("-XMP-exif:UserComment=Screenshot",
                            "-XMP-exif:PixelXDimension=" + screen.width(), "-XMP-exif:PixelYDimension=" + screen.height()));
                }
                yield png;
            }
            case FLAT_GRAPHICS_WEBP -> cwebp(FlatDrawing.graphic(cover, r),
                    r.nextBoolean() ? List.of("-lossless") : List.of("-q", q(r, 85, 95)));
            case DECODED_PNG -> plainPng(djpeg(cjpeg(cover, pick(List.of(50, 65, 75, 85, 95), r))));
            case DECODED_WEBP -> cwebp(djpeg(cjpeg(cover, pick(List.of(50, 65, 75, 85, 95), r))), List.of("-lossless"));
            case PHOTO_WEBP -> {
                List<String> args = new ArrayList<>(List.of("-q", q(r, 60, 95), "-m", Integer.toString(4 + r.nextInt(3))));
                if (r.nextInt(3) == 0) {
                    args.add("-sharp_yuv");
                }
                yield cwebp(noise(cover, r, 0.5), args);
            }
            case RESIZED_JPEG -> convertJpeg(cameraJpeg(cover, r), resize(r), "jpg:-", "-quality", q(r, 75, 95));
            case RESIZED_PNG -> convertJpeg(cameraJpeg(cover, r), resize(r), "png:-", "-define",
                    "png:exclude-chunks=date,time");
            case CROPPED_JPEG -> {
                int w = Math.max(16, (int) (cover.width() * (0.6 + 0.3 * r.nextDouble())));
                int h = Math.max(16, (int) (cover.height() * (0.6 + 0.3 * r.nextDouble())));
                int x = 8 * r.nextInt(Math.max(1, (cover.width() - w) / 8));
                int y = 8 * r.nextInt(Math.max(1, (cover.height() - h) / 8));
                yield Tools.run(List.of("jpegtran", "-copy", "all", "-crop", w + "x" + h + "+" + x + "+" + y),
                        cameraJpeg(cover, r));
            }
            case ROTATED_JPEG -> {
                String angle = pick(List.of("90", "180", "270"), r);
                byte[] jpeg = cameraJpeg(cover, r);
                yield r.nextBoolean() ? Tools.run(List.of("jpegtran", "-copy", "all", "-rotate", angle, "-trim"), jpeg)
                        : convertJpeg(jpeg, List.of("-rotate", angle), "jpg:-", "-quality", q(r, 80, 95));
            }
            case ROTATED_PNG -> {
                List<String> args = r.nextBoolean() ? List.of("-rotate", pick(List.of("90", "270"), r))
                        : List.of("-background", "white", "-rotate",
                                String.format(Locale.ROOT, "%.1f", (r.nextBoolean() ? 1 : -1) * (1 + 6 * r.nextDouble())));
                yield convert(cover, args, "png24:-", true);
            }
            case SHARPENED_JPEG -> convertJpeg(cameraJpeg(cover, r), sharpen(r), "jpg:-", "-quality", q(r, 85, 95));
            case SHARPENED_PNG -> convert(cover, sharpen(r), "png24:-", true);
            case NOISY_JPEG -> cjpeg(noise(cover, r, 1.5 + 2 * r.nextDouble()), q(r, 85, 98));
            case NOISY_PNG -> plainPng(noise(cover, r, 1.5 + 2 * r.nextDouble()));
            case RESAVED_JPEG -> resaved(cover, r);
            case DITHERED_GIF -> {
                byte[] gif = convert(cover, List.of("-dither", r.nextBoolean() ? "FloydSteinberg" : "Riemersma",
                        "-colors", pick(List.of("256", "128", "64", "32"), r)), "gif:-", false);
                yield r.nextBoolean() ? Tools.run(List.of("gifsicle", "-O2"), gif) : gif;
            }
            case PNG16 -> {
                List<String> args = new ArrayList<>(List.of("-filter", "Lanczos", "-resize",
                        (85 + r.nextInt(15)) + "%"));
                if (r.nextInt(5) == 0) {
                    args.addAll(List.of("-colorspace", "Gray"));
                }
                args.addAll(List.of("-depth", "16"));
                yield convert(cover, args, "png:-", true);
            }
            case GREY_PNG -> convert(cover, List.of("-colorspace", "Gray", "-depth", "8", "-define",
                    "png:color-type=0"), "png:-", true);
            case GREY_JPEG -> cjpeg(cover, List.of("-grayscale", "-quality", q(r, 75, 95)));
            case ANIMATED_GIF -> {
                List<Path> frames = framesOnDisk(cover, r);
                List<String> cmd = new ArrayList<>(List.of("convert", "-delay", Integer.toString(5 + r.nextInt(10)),
                        "-loop", "0"));
                frames.forEach(f -> cmd.add(f.toString()));
                cmd.addAll(List.of("-dither", "FloydSteinberg", "-colors", "256", "gif:-"));
                byte[] gif = Tools.run(cmd, null);
                yield r.nextBoolean() ? Tools.run(List.of("gifsicle", "-O2"), gif) : gif;
            }
            case ANIMATED_WEBP -> {
                List<Path> frames = framesOnDisk(cover, r);
                Path out = scratch.resolve("anim.webp");
                List<String> cmd = new ArrayList<>(List.of("img2webp", "-loop", "0", "-lossy", "-q", q(r, 70, 90),
                        "-d", Integer.toString(50 + 10 * r.nextInt(10))));
                frames.forEach(f -> cmd.add(f.toString()));
                cmd.addAll(List.of("-o", out.toString()));
                yield Tools.runOnFiles(cmd, out);
            }
            case ANIMATED_PNG -> {
                List<byte[]> pngs = new ArrayList<>();
                for (Rgb frame : frames(cover, r)) {
                    pngs.add(convert(frame, List.of(), "png24:-", true));
                }
                yield Containers.apng(pngs, 5 + r.nextInt(10));
            }
        };
    }

    // ---- camera and editor metadata

    private static Camera cameraFor(SplittableRandom r) {
        return pick(ZooTexts.CAMERAS, r);
    }

    private static Camera phone(SplittableRandom r) {
        return pick(ZooTexts.CAMERAS.subList(8, ZooTexts.CAMERAS.size()), r);
    }

    /** A camera's encoder: mild sensor noise, quality 88-97, 4:2:0 or 4:2:2. */
    private byte[] cameraJpeg(Rgb cover, SplittableRandom r) {
        List<String> args = new ArrayList<>(List.of("-quality", q(r, 88, 97)));
        if (r.nextBoolean()) {
            args.addAll(List.of("-sample", "2x1"));
        }
        return cjpeg(noise(cover, r, 0.6), args);
    }

    private List<String> cameraTags(Camera camera, Rgb cover, SplittableRandom r) {
        String[] when = ZooTexts.when(r);
        List<String> tags = new ArrayList<>(List.of("-Make=" + camera.make(), "-Model=" + camera.model(),
                "-Software=" + camera.software(), "-DateTimeOriginal=" + when[1], "-CreateDate=" + when[1],
                "-ModifyDate=" + when[1], "-ExposureTime=1/" + pick(List.of(30, 60, 125, 250, 500, 1000, 2000), r),
                "-FNumber=" + pick(List.of("1.8", "2.8", "4.0", "5.6", "8.0", "11"), r),
                "-ISO=" + pick(List.of(50, 100, 200, 400, 800, 1600, 3200), r),
                "-FocalLength=" + (4 + r.nextInt(120)), "-ExposureProgram=" + (1 + r.nextInt(4)),
                "-MeteringMode=5", "-Flash=" + pick(List.of(0, 16, 24, 25), r), "-WhiteBalance=" + r.nextInt(2),
                "-ColorSpace=1", "-ExifImageWidth=" + cover.width(), "-ExifImageHeight=" + cover.height(),
                "-Orientation#=1", "-XResolution=72", "-YResolution=72", "-ResolutionUnit=inches",
                "-SubSecTimeOriginal=" + r.nextInt(1000), "-ICC_Profile<=" + Tools.SRGB_ICC,
                "-XMP-xmp:CreatorTool=" + camera.software(), "-XMP-xmp:CreateDate=" + when[0],
                "-XMP-xmp:Rating=" + r.nextInt(6)));
        if (!camera.lens().isEmpty()) {
            tags.add("-LensModel=" + camera.lens());
        }
        if (r.nextInt(10) < 7) {
            double lat = -60 + 120 * r.nextDouble();
            double lon = -180 + 360 * r.nextDouble();
            tags.addAll(List.of("-GPSLatitude=" + String.format(Locale.ROOT, "%.6f", Math.abs(lat)),
                    "-GPSLatitudeRef=" + (lat >= 0 ? "N" : "S"),
                    "-GPSLongitude=" + String.format(Locale.ROOT, "%.6f", Math.abs(lon)),
                    "-GPSLongitudeRef=" + (lon >= 0 ? "E" : "W"),
                    "-GPSAltitude=" + r.nextInt(2500), "-GPSAltitudeRef=0",
                    "-GPSDateStamp=" + when[1].substring(0, 10), "-GPSTimeStamp=" + when[1].substring(11)));
        }
        int tw = 160;
        int th = Math.max(1, 160 * cover.height() / cover.width());
        Path thumb = file("thumb.jpg", cjpeg(cover.scaleDown(Math.min(tw, cover.width()), Math.min(th, cover.height())),
                q(r, 70, 90)));
        tags.add("-ThumbnailImage<=" + thumb);
        Path makerNote = file("makernote.bin", makerNote(camera, r));
        tags.add("-MakerNotes<=" + makerNote);
        return tags;
    }

    /**
     * A small maker-note block of the camera's make: Apple's {@code Apple iOS} header with an IFD, Nikon's header
     * with its own TIFF header and IFD, or (other makes) a bare IFD; every value inline.
     */
    private static byte[] makerNote(Camera camera, SplittableRandom r) {
        int entries = 4 + r.nextInt(6);
        ByteBuffer ifd = ByteBuffer.allocate(2 + entries * 12 + 4);
        ifd.putShort((short) entries);
        for (int i = 0; i < entries; i++) {
            boolean shortType = r.nextBoolean();
            ifd.putShort((short) (1 + i * 2)).putShort((short) (shortType ? 3 : 4)).putInt(1);
            if (shortType) {
                ifd.putShort((short) r.nextInt(4096)).putShort((short) 0);
            } else {
                ifd.putInt(r.nextInt(1 << 20));
            }
        }
        ifd.putInt(0);
        byte[] body = ifd.array();
        ByteBuffer out;
        switch (camera.make()) {
            case "Apple" -> {
                out = ByteBuffer.allocate(14 + body.length);
                out.put("Apple iOS\0\0\1MM".getBytes(StandardCharsets.US_ASCII));
            }
            case "NIKON CORPORATION" -> {
                out = ByteBuffer.allocate(18 + body.length);
                out.put("Nikon\0\2\u0010\0\0MM\0*\0\0\0\u0008".getBytes(StandardCharsets.ISO_8859_1));
            }
            default -> out = ByteBuffer.allocate(body.length);
        }
        out.put(body);
        return out.array();
    }

    private static List<String> editorTags(String editor, String mime, SplittableRandom r) {
        String[] created = ZooTexts.when(r);
        String[] saved = ZooTexts.when(r);
        String doc = "xmp.did:" + ZooTexts.uuid(r);
        List<String> tags = new ArrayList<>(List.of("-Software=" + editor, "-XMP-xmp:CreatorTool=" + editor,
                "-XMP-xmp:CreateDate=" + created[0], "-XMP-xmp:ModifyDate=" + saved[0],
                "-XMP-xmp:MetadataDate=" + saved[0], "-XMP-dc:Format=" + mime, "-XMP-xmpMM:DocumentID=" + doc,
                "-XMP-xmpMM:OriginalDocumentID=" + doc, "-XMP-xmpMM:InstanceID=xmp.iid:" + ZooTexts.uuid(r),
                "-XMP-xmpMM:History+={Action=created,InstanceID=" + doc.replace("did", "iid") + ",When="
                        + created[0] + ",SoftwareAgent=" + editor + "}",
                "-XMP-xmpMM:History+={Action=saved,InstanceID=xmp.iid:" + ZooTexts.uuid(r) + ",When=" + saved[0]
                        + ",SoftwareAgent=" + editor + ",Changed=/}"));
        if (editor.contains("Photoshop") && !editor.contains("Lightroom")) {
            tags.add("-XMP-photoshop:ColorMode=3");
            tags.add("-XMP-photoshop:ICCProfileName=sRGB IEC61966-2.1");
        }
        if (editor.contains("Lightroom")) {
            tags.addAll(List.of("-XMP-crs:Version=15.0", "-XMP-crs:ProcessVersion=11.0",
                    "-XMP-crs:WhiteBalance=As Shot",
                    "-XMP-crs:Exposure2012=" + String.format(Locale.ROOT, "%+.2f", r.nextDouble() * 2 - 1),
                    "-XMP-crs:Contrast2012=" + (r.nextInt(41) - 20), "-XMP-crs:Highlights2012=" + -r.nextInt(60),
                    "-XMP-crs:Shadows2012=" + r.nextInt(60), "-XMP-crs:Vibrance=" + r.nextInt(30),
                    "-XMP-crs:HasSettings=True"));
        }
        return tags;
    }

    private static List<String[]> otherGenerator(Rgb cover, SplittableRandom r) {
        String pos = ZooTexts.prompt(r);
        String neg = ZooTexts.negative(r);
        int w = cover.width();
        int h = cover.height();
        return switch (r.nextInt(3)) {
            case 0 -> List.of(new String[] {"Title", "AI generated image"}, new String[] {"Description", pos},
                    new String[] {"Software", "NovelAI"},
                    new String[] {"Source", "NovelAI Diffusion V3 " + String.format(Locale.ROOT, "%08X", r.nextInt())},
                    new String[] {"Generation time", String.format(Locale.ROOT, "%.3f", 2 + 8 * r.nextDouble())},
                    new String[] {"Comment", ZooTexts.novelAiComment(r, w, h, pos, neg)});
            case 1 -> List.<String[]>of(new String[] {"invokeai_metadata", ZooTexts.invokeAi(r, w, h, pos, neg)});
            default -> List.of(new String[] {"parameters", ZooTexts.fooocus(r, w, h, pos, neg)},
                    new String[] {"fooocus_scheme", "fooocus"});
        };
    }

    // ---- pixel work

    /**
     * Sensor-like noise: per sample a Gaussian of variance {@code (0.05·v + 1)·strength²} (shot noise grows with
     * the signal, read noise does not), spread a little to the neighbours as demosaicing does.
     */
    static Rgb noise(Rgb cover, SplittableRandom r, double strength) {
        int w = cover.width();
        int h = cover.height();
        double[] field = new double[w * h * 3];
        java.util.Random g = new java.util.Random(r.nextLong());
        for (int i = 0; i < field.length; i++) {
            field[i] = g.nextGaussian();
        }
        byte[] out = new byte[field.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int i = (y * w + x) * 3 + c;
                    double n = 0.7 * field[i] + 0.15 * field[x > 0 ? i - 3 : i] + 0.15 * field[y > 0 ? i - w * 3 : i];
                    int v = cover.samples()[i] & 0xFF;
                    double sigma = strength * Math.sqrt(0.05 * v + 1) / 1.5;
                    out[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v + n * sigma)));
                }
            }
        }
        return new Rgb(w, h, out);
    }

    private static List<String> resize(SplittableRandom r) {
        int percent = r.nextInt(4) == 0 ? 110 + r.nextInt(31) : 50 + r.nextInt(41);
        return List.of("-filter", pick(List.of("Lanczos", "Triangle", "Catrom", "Mitchell"), r), "-resize",
                percent + "%");
    }

    private static List<String> sharpen(SplittableRandom r) {
        return r.nextBoolean()
                ? List.of("-unsharp", String.format(Locale.ROOT, "0x%.1f+%.1f+0", 0.8 + r.nextDouble(), 0.5 + r.nextDouble()))
                : List.of("-sharpen", String.format(Locale.ROOT, "0x%.1f", 0.5 + r.nextDouble()));
    }

    /** Frames panning across the cover: 4-8 windows of 70% of its shorter side, scaled to 200 or 256 px. */
    private static List<Rgb> frames(Rgb cover, SplittableRandom r) {
        int n = 4 + r.nextInt(5);
        int side = Math.max(8, (int) (Math.min(cover.width(), cover.height()) * 0.7));
        int out = Math.min(side, r.nextBoolean() ? 200 : 256);
        int dx = (cover.width() - side) / n;
        int dy = (cover.height() - side) / n;
        List<Rgb> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames.add(cover.crop(i * dx, i * dy, side, side).scaleDown(out, out));
        }
        return frames;
    }

    private List<Path> framesOnDisk(Rgb cover, SplittableRandom r) {
        List<Path> paths = new ArrayList<>();
        List<Rgb> frames = frames(cover, r);
        for (int i = 0; i < frames.size(); i++) {
            paths.add(file("frame" + i + ".ppm", frames.get(i).ppm()));
        }
        return paths;
    }

    private byte[] resaved(Rgb cover, SplittableRandom r) {
        byte[] first = cjpeg(noise(cover, r, 0.6), q(r, 85, 97));
        if (r.nextInt(10) < 3) {
            List<String> args = new ArrayList<>(List.of("jpegtran", "-copy", "all"));
            args.add(r.nextBoolean() ? "-optimize" : "-progressive");
            return Tools.run(args, first);
        }
        List<String> args = new ArrayList<>(List.of("-quality", q(r, 60, 100)));
        if (r.nextBoolean()) {
            args.addAll(List.of("-sample", "1x1"));
        }
        if (r.nextBoolean()) {
            args.add("-progressive");
        }
        if (r.nextBoolean()) {
            args.add("-optimize");
        }
        return cjpeg(djpeg(first), args);
    }

    // ---- tools

    private static String q(SplittableRandom r, int low, int high) {
        return Integer.toString(low + r.nextInt(high - low + 1));
    }

    private static byte[] cjpeg(Rgb rgb, int quality) {
        return cjpeg(rgb, List.of("-quality", Integer.toString(quality)));
    }

    private static byte[] cjpeg(Rgb rgb, String quality) {
        return cjpeg(rgb, List.of("-quality", quality));
    }

    private static byte[] cjpeg(Rgb rgb, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("cjpeg"));
        cmd.addAll(args);
        return Tools.run(cmd, rgb.ppm());
    }

    private static Rgb djpeg(byte[] jpeg) {
        return Rgb.fromPpm(Tools.run(List.of("djpeg", "-ppm"), jpeg));
    }

    private static byte[] cwebp(Rgb rgb, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("cwebp", "-quiet"));
        cmd.addAll(args);
        cmd.addAll(List.of("-o", "-", "--", "-"));
        return Tools.run(cmd, rgb.ppm());
    }

    /** A PNG as Pillow and browsers write it: no gamma, chroma, background or time chunks. */
    private static byte[] plainPng(Rgb rgb) {
        return convert(rgb, List.of(), "png24:-", true);
    }

    /** ImageMagick from a PPM on stdin; PNGs without its date/time chunks (they would change every run). */
    private static byte[] convert(Rgb rgb, List<String> args, String out, boolean png) {
        List<String> cmd = new ArrayList<>(List.of("convert", "ppm:-"));
        cmd.addAll(args);
        if (png) {
            cmd.addAll(List.of("-strip", "-define", "png:exclude-chunks=date,time,bKGD,cHRM,gAMA"));
        }
        cmd.add(out);
        return Tools.run(cmd, rgb.ppm());
    }

    private static byte[] convertJpeg(byte[] jpeg, List<String> args, String out, String... outArgs) {
        List<String> cmd = new ArrayList<>(List.of("convert", "jpg:-"));
        cmd.addAll(args);
        cmd.addAll(List.of(outArgs));
        cmd.add(out);
        return Tools.run(cmd, jpeg);
    }

    private byte[] withExif(byte[] image, String extension, List<String> tags) {
        Path file = file("image." + extension, image);
        exif.write(file, tags);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name, byte[] bytes) {
        Path p = scratch.resolve(name);
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @Override
    public void close() {
        exif.close();
    }
}
