package dev.starlight.trainer.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.starlight.trainer.service.runs.ErrorCode;
import dev.starlight.trainer.service.runs.RunException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused requests as {@link ErrorBody} JSON: 400 for a bad body, 404 for what does not exist. */
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

    /** Not JSON, a field of the wrong type, or a field a run request does not have. */
    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return json(Response.Status.BAD_REQUEST, ErrorCode.BAD_REQUEST, "the body is not a run request: "
                + e.getOriginalMessage());
    }

    private static Response json(Response.Status status, ErrorCode code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code.name(), message)).build();
    }
}
