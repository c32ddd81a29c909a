package dev.starlight.monitor.http;

import jakarta.ws.rs.core.Response;

/** Answers a refused request with the platform's error body ({@link dev.starlight.core.http.ErrorBody}). */
final class ErrorBody {
    private ErrorBody() {
    }

    static Response of(Response.Status status, String code, String message) {
        return Response.status(status).entity(new dev.starlight.core.http.ErrorBody(code, message)).build();
    }
}
