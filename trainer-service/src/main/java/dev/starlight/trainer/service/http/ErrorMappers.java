package dev.starlight.trainer.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.starlight.core.http.ErrorBody;
import dev.starlight.trainer.service.runs.ErrorCode;
import dev.starlight.trainer.service.runs.RunException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused requests as an {@link ErrorBody}: 400 for a bad body, 404 for what does not exist. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response refused(RunException e) {
        Response.Status status = switch (e.code()) {
            case RUN_NOT_FOUND, CARD_NOT_FOUND -> Response.Status.NOT_FOUND;
            case BAD_REQUEST, UNKNOWN_PRESET, UNKNOWN_STREAM, DATA_NOT_FOUND -> Response.Status.BAD_REQUEST;
            case TRAINING_FAILED, PUBLISH_FAILED -> Response.Status.INTERNAL_SERVER_ERROR;
        };
        return json(status, e.code(), e.getMessage());
    }

    /**
     * A field of the wrong type, or one a run request does not have. (Mapped by its own type: Quarkus has a
     * built-in mapper for it that would otherwise answer in its own shape.)
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return malformed(e);
    }

    /**
     * Quarkus wraps a body that is not JSON at all in a 400; everything else JAX-RS refuses (no such sub-path,
     * method, media type) keeps its status with the error body.
     */
    @ServerExceptionMapper
    public Response unreadable(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        Response r = e.getResponse();
        return r.hasEntity() ? r : Response.status(r.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.forStatus(r.getStatus())).build();
    }

    private static Response malformed(JsonProcessingException e) {
        return json(Response.Status.BAD_REQUEST, ErrorCode.BAD_REQUEST, "the body is not a run request: "
                + e.getOriginalMessage());
    }

    private static Response json(Response.Status status, ErrorCode code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code.name(), message)).build();
    }
}
