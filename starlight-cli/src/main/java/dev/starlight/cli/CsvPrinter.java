package dev.starlight.cli;

import dev.starlight.core.scan.Payload;
import dev.starlight.core.scan.ScanResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --csv}: a header and one record per file, RFC 4180: CRLF line ends, every field that holds a comma, a
 * double quote, CR or LF is quoted with its quotes doubled; null values are empty fields.
 */
final class CsvPrinter implements ResultPrinter {
    static final List<String> COLUMNS = List.of("path", "verdict", "stego_probability", "method", "bit_order",
            "format", "width", "height", "payload_length", "payload_encoding", "payload_text", "payload_base64",
            "error_code", "error_message", "sha256", "latency_ms");

    private final PrintWriter out;

    CsvPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void header() {
        record(new ArrayList<>(COLUMNS));
    }

    @Override
    public void print(ScanResult r) {
        Payload p = r.payload();
        List<Object> row = new ArrayList<>();
        row.add(r.source());
        row.add(r.verdict().label());
        row.add(r.stegoProbability());
        row.add(r.method());
        row.add(r.bitOrder());
        row.add(r.format());
        row.add(r.width());
        row.add(r.height());
        row.add(p == null ? null : p.lengthBytes());
        row.add(p == null ? null : p.encoding());
        row.add(p == null ? null : p.text());
        row.add(p == null ? null : p.base64());
        row.add(r.error() == null ? null : r.error().code());
        row.add(r.error() == null ? null : r.error().message());
        row.add(r.sha256());
        row.add(r.latencyMs());
        record(row);
    }

    private void record(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        out.print(line.append("\r\n"));
        out.flush();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
