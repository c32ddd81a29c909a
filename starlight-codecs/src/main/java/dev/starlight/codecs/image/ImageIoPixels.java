package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Pixels from an ImageIO reader (TwelveMonkeys for JPEG and WebP), with every failure mapped to a code: readers
 * throw IIOException, EOFException and assorted runtime exceptions on broken input, never a typed error.
 */
final class ImageIoPixels {
    private ImageIoPixels() {
    }

    /** Decodes image 0 from {@code data[0..length)}; the caller has already checked the declared size. */
    static BufferedImage read(ImageReaderSpi spi, byte[] data, int length, String format) {
        ImageReader reader = null;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data, 0, length))) {
            reader = spi.createReaderInstance(null);
            reader.setInput(in, true, true);
            BufferedImage img = reader.read(0);
            if (img == null) {
                throw ImageDecodeException.malformed(format + ": reader returned no image");
            }
            return img;
        } catch (ImageDecodeException e) {
            throw e;
        } catch (EOFException e) {
            throw new ImageDecodeException(ErrorCode.TRUNCATED, format + ": data ended while decoding pixels: " + e, e);
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(ErrorCode.MALFORMED, format + ": pixel data could not be decoded: " + e, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }
}
