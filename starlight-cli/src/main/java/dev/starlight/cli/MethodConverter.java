package dev.starlight.cli;

import dev.starlight.core.protocol.Method;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine;

/** Parses {@code --method}: the protocol labels (alpha, palette, lsb.rgb, exif, raw) and the aliases {@link Method#parse} knows. */
final class MethodConverter implements CommandLine.ITypeConverter<Method>, Iterable<String> {

    @Override
    public Method convert(String value) {
        return Method.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown method '" + value + "' (expected alpha, palette, lsb.rgb, exif or raw)"));
    }

    /** The completion candidates shown in help. */
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Method.values()).map(Method::label).iterator();
    }
}
