package dev.starlight.cli;

import dev.starlight.core.protocol.BitOrder;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine;

/** Parses {@code --bit-order}: {@code lsb-first} or {@code msb-first} (also {@code lsb}, {@code msb}). */
final class BitOrderConverter implements CommandLine.ITypeConverter<BitOrder>, Iterable<String> {

    @Override
    public BitOrder convert(String value) {
        return BitOrder.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown bit order '" + value + "' (expected lsb-first or msb-first)"));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(BitOrder.values()).map(BitOrder::label).iterator();
    }
}
