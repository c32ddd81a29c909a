package dev.starlight.trainer.service.http;

/** Body of every HTTP error: a stable code (see {@code runs.ErrorCode}) and a sentence for people. */
public record ErrorBody(String code, String message) {
}
