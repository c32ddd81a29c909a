package dev.starlight.core.search;

/**
 * A message found by the search.
 *
 * @param layout     where it was read: {@code lsb.seq b1,rgb,xy,msb-first}, or a tool's name ({@code stepic})
 * @param channels   the channels read ({@code rgb}, {@code a}, {@code index} ...), which tells the protocol method
 *                   the data sits in
 * @param msbFirst   the stream's bit packing
 * @param what       how the payload was recognised ({@code text terminated by 0x00, 42 bytes})
 * @param payload    the message bytes, without the layout's framing (length header, terminator)
 * @param confidence 0..1
 */
public record Recognised(String layout, String channels, boolean msbFirst, String what, byte[] payload,
                         double confidence) {
}
