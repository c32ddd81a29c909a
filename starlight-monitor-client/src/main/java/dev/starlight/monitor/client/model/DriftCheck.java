package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The drift check of one model version and image format against its reference. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriftCheck(String model, String format, State state, int referenceSize, int liveSize, Double psi,
                         Double psiThreshold, Double referenceStegoRate, Double liveStegoRate, Double rateThreshold,
                         String reason) {

    public enum State { LEARNING, WAITING, STABLE, DRIFT }
}
