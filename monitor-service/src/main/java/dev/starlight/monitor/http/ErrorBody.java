package dev.starlight.monitor.http;

import jakarta.ws.rs.core.Response;

/** The body of every 4xx answer: a stable code and a message. */
public record ErrorBody(String code, String message) {
    static Response of(Response.Status status, String code, String message) {
        return Response.status(status).entity(new ErrorBody(code, message)).build();
    }
}
