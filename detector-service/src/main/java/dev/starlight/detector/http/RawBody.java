package dev.starlight.detector.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An image is the raw body of a {@code POST} whatever its Content-Type says (none, {@code image/png},
 * {@code text/plain}, the form type {@code curl --data-binary} sends): only {@code multipart/form-data} is read as a
 * form. Set before a resource method is chosen, so the raw-body method gets every other body, unparsed.
 */
public class RawBody {

    @ServerRequestFilter(preMatching = true)
    public void rawUnlessMultipart(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM);
        }
    }
}
