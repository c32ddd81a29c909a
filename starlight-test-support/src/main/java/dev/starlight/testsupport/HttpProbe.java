package dev.starlight.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP requests RestAssured cannot send, against a service under test on {@code localhost:port}: a body with no
 * Content-Type at all, a body that only announces its length, a chunked body that grows past a limit.
 */
public final class HttpProbe {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?i)\r\ncontent-type: *([^\r]*)");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public HttpProbe(int port) {
        this.port = port;
    }

    /** An HTTP answer: status, Content-Type (null when none) and body. */
    public record Answer(int status, String contentType, String body) {
    }

    /** POSTs {@code body} with that Content-Type header, or with none when {@code contentType} is null. */
    public Answer post(String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends only the head of a POST that announces {@code contentLength} bytes, and reads the answer. */
    public Answer announce(String path, long contentLength, String contentType) {
        return exchange("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + contentLength + "\r\n\r\n", new byte[0], 0);
    }

    /** POSTs {@code totalBytes} as 1 MiB chunks without a Content-Length, as long as the server reads them. */
    public Answer chunked(String path, long totalBytes, String contentType) {
        return exchange(chunkedHead(path, contentType), new byte[1 << 20], totalBytes);
    }

    /** POSTs {@code body} as one chunk of a chunked body (no Content-Length). */
    public Answer chunked(String path, byte[] body, String contentType) {
        return exchange(chunkedHead(path, contentType), body, body.length);
    }

    private static String chunkedHead(String path, String contentType) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    private Answer exchange(String head, byte[] chunk, long chunkedBytes) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            writeChunks(out, chunk, chunkedBytes);
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeChunks(OutputStream out, byte[] chunk, long totalBytes) {
        if (totalBytes == 0) {
            return;
        }
        try {
            for (long sent = 0; sent < totalBytes; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the server answered and closed before the whole body went: its answer is still there to read
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        if (!text.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP answer: '" + text + "'");
        }
        int status = Integer.parseInt(text.substring(9, 12));
        Matcher length = CONTENT_LENGTH.matcher(text);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        Matcher type = CONTENT_TYPE.matcher(text);
        return new Answer(status, type.find() ? type.group(1).trim().toLowerCase(Locale.ROOT) : null,
                new String(body, StandardCharsets.UTF_8));
    }
}
