package dev.starlight.codecs.image.meta;

import dev.starlight.codecs.image.ImageLimits;
import dev.starlight.codecs.image.MetadataSegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of an XMP packet that could hold free text: attributes and element texts of 16 characters or more,
 * each with the property it belongs to, XML entities resolved. Namespace declarations and the RDF/XMP framing
 * ({@code xmlns}, {@code rdf:}, {@code x:}) are structure, not values, and are left out. Only the first
 * {@link ImageLimits#MAX_XMP_SCAN_CHARS} characters are searched. The packet is read by patterns rather than parsed
 * as XML: damaged or hostile packets still give what they hold, and no entity is ever expanded.
 *
 * @param length     characters of the whole packet
 * @param properties the values found, attributes first, then element texts, each in document order
 */
public record XmpPacket(int length, List<Property> properties) {

    /** One value and the property that holds it ({@code ?} for text outside any property). */
    public record Property(String name, String value) {
    }

    private static final int MIN_VALUE = 16;
    private static final int ENCLOSING_LOOKBACK = 2048;
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([\\w.-]+:[\\w.-]+)=\"([^\"]{" + MIN_VALUE + ",})\"");
    private static final Pattern TEXT = Pattern.compile(">([^<]{" + MIN_VALUE + ",})<");
    private static final Pattern OPEN_TAG = Pattern.compile("<([\\w.-]+:[\\w.-]+)[\\s>/]");

    public XmpPacket {
        properties = List.copyOf(properties);
    }

    /** The packet of an XMP metadata block: UTF-8, or the text of the PNG iTXt chunk that carries it. */
    public static XmpPacket read(MetadataSegment segment) {
        String xmp = segment.key().startsWith("iTXt") ? PngText.read(PngText.Chunk.ITXT, segment.data()).text()
                : new String(segment.data(), StandardCharsets.UTF_8);
        return of(xmp);
    }

    public static XmpPacket of(String xmp) {
        String s = xmp.length() > ImageLimits.MAX_XMP_SCAN_CHARS ? xmp.substring(0, ImageLimits.MAX_XMP_SCAN_CHARS)
                : xmp;
        List<Property> found = new ArrayList<>();
        Matcher a = ATTRIBUTE.matcher(s);
        while (a.find()) {
            add(a.group(1), a.group(2), found);
        }
        Matcher t = TEXT.matcher(s);
        while (t.find()) {
            if (!t.group(1).isBlank()) {
                add(enclosingProperty(s, t.start()), t.group(1), found);
            }
        }
        return new XmpPacket(xmp.length(), found);
    }

    private static void add(String name, String value, List<Property> found) {
        if (!isFraming(name)) {
            found.add(new Property(name, unescape(value.strip())));
        }
    }

    private static boolean isFraming(String name) {
        return name.startsWith("xmlns") || name.startsWith("rdf:") || name.startsWith("x:");
    }

    /** The last non-framing property opened before {@code at}: the owner of text inside rdf:Alt/rdf:li. */
    private static String enclosingProperty(String s, int at) {
        int from = Math.max(0, at - ENCLOSING_LOOKBACK);
        Matcher m = OPEN_TAG.matcher(s.substring(from, at));
        String last = "?";
        while (m.find()) {
            String name = m.group(1);
            if (!name.startsWith("rdf:") && !name.startsWith("x:")) {
                last = name;
            }
        }
        return last;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#xA;", "\n").replace("&#10;", "\n").replace("&amp;", "&");
    }
}
