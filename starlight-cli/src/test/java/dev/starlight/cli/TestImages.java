package dev.starlight.cli;

import dev.starlight.codecs.image.ImageCodecs;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small covers written with the JDK's ImageIO (independent of Starlight's own writers), and a decoder probe. */
final class TestImages {
    private TestImages() {
    }

    /** The file decoded by Starlight's own decoders. */
    static dev.starlight.codecs.image.DecodedImage decode(Path file) throws IOException {
        return ImageCodecs.decode(Files.readAllBytes(file));
    }

    static BufferedImage rgb(int width, int height) {
        return fill(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB));
    }

    static BufferedImage rgba(int width, int height) {
        return fill(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB));
    }

    static BufferedImage bgr(int width, int height) {
        return fill(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR));
    }

    /** 8-bit indexed with a 256-colour palette (what GIF stores). */
    static BufferedImage indexed(int width, int height) {
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

    static byte[] bytes(BufferedImage image, String format) {
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

    static Path write(Path file, BufferedImage image, String format) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes(image, format));
    }
}
