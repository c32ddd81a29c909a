package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;

/** The image could not be decoded; the code says why, the message says where. */
public class ImageDecodeException extends StarlightException {

    public ImageDecodeException(ErrorCode code, String message) {
        super(code, message);
    }

    public ImageDecodeException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    public static ImageDecodeException truncated(String what, long offset, long count, long limit) {
        return new ImageDecodeException(ErrorCode.TRUNCATED,
                what + ": need " + count + " bytes at offset " + offset + ", data ends at " + limit);
    }

    public static ImageDecodeException malformed(String message) {
        return new ImageDecodeException(ErrorCode.MALFORMED, message);
    }
}
