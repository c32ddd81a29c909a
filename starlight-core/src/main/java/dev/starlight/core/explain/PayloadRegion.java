package dev.starlight.core.explain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where a recovered message sits.
 *
 * <p>{@code kind = pixels}: a sequential LSB message uses the carrier bits 0 .. bits-1, which lie in the first
 * {@code pixels} pixels in row-major order (one bit per pixel for alpha and palette indices; R, G, B of each pixel in
 * turn for lsb.rgb, so the last pixel may carry fewer than three). {@code kind = bytes}: a trailer or metadata
 * block, {@code length} bytes from file offset {@code offset}.
 *
 * @param kind   {@code pixels} or {@code bytes}
 * @param method the protocol method that carries the message
 * @param planes the planes whose LSBs carry it (pixels only)
 * @param bits   carrier bits used, framing and terminator included (pixels only)
 * @param pixels pixels touched, from pixel 0 (pixels only)
 * @param offset file offset (bytes only)
 * @param length byte count (bytes only)
 * @param detail a short account, e.g. {@code EXIF block APP1}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PayloadRegion(String kind, String method, List<String> planes, Long bits, Long pixels, Long offset,
                            Long length, String detail) {
    public static final String PIXELS = "pixels";
    public static final String BYTES = "bytes";

    static PayloadRegion pixels(String method, List<String> planes, long bits, long pixels, String detail) {
        return new PayloadRegion(PIXELS, method, List.copyOf(planes), bits, pixels, null, null, detail);
    }

    static PayloadRegion bytes(String method, long offset, long length, String detail) {
        return new PayloadRegion(BYTES, method, null, null, null, offset, length, detail);
    }

    @JsonIgnore
    public boolean isPixels() {
        return PIXELS.equals(kind);
    }
}
