package dev.starlight.core.search;

/**
 * One way a tool can lay a bit stream into an image's samples, in zsteg's terms: which channels in which order
 * ({@code rgb}, {@code bgr}, {@code r}, {@code index} ...), how many low bits of each sample ({@code b1}, {@code b2}),
 * pixels row by row ({@code xy}) or column by column ({@code yx}), and how the stream's bits pack into bytes
 * (bit 7 first or bit 0 first). With two bits per sample the sample's bits follow the packing order too: msb-first
 * takes bit 1 then bit 0, lsb-first bit 0 then bit 1, so a byte always fills from consecutive samples.
 *
 * @param channels     the channel letters in stream order ({@code r g b a}, {@code y} for grey), or {@code index}
 * @param bits         low bits used per sample: 1 or 2
 * @param columnMajor  pixels column by column (x outer) instead of row by row
 * @param msbFirst     the first stream bit is bit 7 of the first byte
 */
public record LsbLayout(String channels, int bits, boolean columnMajor, boolean msbFirst) {

    /** zsteg-style name: {@code b1,rgb,xy,lsb-first}. */
    public String label() {
        return "b" + bits + "," + channels + "," + (columnMajor ? "yx" : "xy") + "," + (msbFirst ? "msb-first" : "lsb-first");
    }

    @Override
    public String toString() {
        return label();
    }
}
