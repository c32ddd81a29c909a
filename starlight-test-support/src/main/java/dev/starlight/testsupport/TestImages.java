package dev.starlight.testsupport;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.BitOrder;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Test images whose answer is known: covers drawn in code (the codecs' {@link SyntheticImages}) and stego made from
 * them with the core's embedders; and small covers written with the JDK's ImageIO, independent of Starlight's own
 * writers, for tests of the decoders.
 */
public final class TestImages {
    /** The message every {@code stego} image carries. */
    public static final String MESSAGE = "A message hidden for the detector service test, long enough to be sure.";

    private TestImages() {
    }

    /** A photo-like cover: 256-colour indexed for GIF, 8-bit RGB otherwise. */
    public static byte[] cover(ImageFormat format, int size, long seed) {
        return SyntheticImages.encode(format == ImageFormat.GIF
                ? SyntheticImages.indexed(format, size, size, 256, seed)
                : SyntheticImages.rgb(format, size, size, false, 8, seed));
    }

    /** {@link #MESSAGE} embedded with {@code method} into a 64² cover of a format the method takes. */
    public static byte[] stego(Method method, long seed) {
        return stego(method, 64, seed);
    }

    /** {@link #MESSAGE} embedded with {@code method} into a {@code size}² cover of a format the method takes. */
    public static byte[] stego(Method method, int size, long seed) {
        ImageFormat format = switch (method) {
            case PALETTE -> ImageFormat.GIF;
            case EXIF -> ImageFormat.JPEG;
            default -> ImageFormat.PNG;
        };
        // a one-line text in an EXIF UserComment is a caption by the metadata policy: the exif message is AI42-marked
        return Protocol.embed(cover(format, size, seed), method, MESSAGE.getBytes(StandardCharsets.UTF_8),
                new EmbedOptions(BitOrder.MSB_FIRST, method == Method.EXIF));
    }

    /** The file decoded by Starlight's own decoders. */
    public static DecodedImage decode(Path file) throws IOException {
        return ImageCodecs.decode(Files.readAllBytes(file));
    }

    /** Random 8-bit RGB pixels, for ImageIO to write. */
    public static BufferedImage rgb(int width, int height) {
        return fill(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB));
    }

    public static BufferedImage rgba(int width, int height) {
        return fill(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB));
    }

    public static BufferedImage bgr(int width, int height) {
        return fill(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR));
    }

    /** 8-bit indexed with a 256-colour palette (what GIF stores). */
    public static BufferedImage indexed(int width, int height) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) i;
            g[i] = (byte) (255 - i);
            b[i] = (byte) (i * 7);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, r, g, b));
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        return image;
    }

    private static BufferedImage fill(BufferedImage image) {
        Random random = new Random(42);
        boolean alpha = image.getColorModel().hasAlpha();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = random.nextInt() | (alpha ? 0 : 0xFF000000);
                image.setRGB(x, y, alpha ? (argb | 0x80000000) : argb);
            }
        }
        return image;
    }

    /** The image written by ImageIO in {@code format} ("png", "bmp", "gif", "jpeg", ...). */
    public static byte[] bytes(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, BufferedImage image, String format) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes(image, format));
    }
}
