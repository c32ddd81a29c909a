package dev.starlight.monitor.drift;

/**
 * The latest drift check of one model version on one format.
 *
 * @param model              model version
 * @param format             image format
 * @param state              LEARNING (reference not complete), WAITING (too few recent live scores), STABLE, DRIFT
 * @param referenceSize      reference scores collected so far
 * @param liveSize           recent live scores compared (one chunk)
 * @param psi                PSI of the live sample against the reference; null until compared
 * @param psiThreshold       learned PSI threshold; null while learning
 * @param referenceStegoRate stego rate of the reference
 * @param liveStegoRate      stego rate of the live sample
 * @param rateThreshold      learned stego-rate threshold
 * @param reason             what moved, when DRIFT
 */
public record DriftCheck(String model, String format, State state, int referenceSize, int liveSize, Double psi,
                         Double psiThreshold, Double referenceStegoRate, Double liveStegoRate, Double rateThreshold,
                         String reason) {
    public enum State { LEARNING, WAITING, STABLE, DRIFT }

    public boolean drifted() {
        return state == State.DRIFT;
    }
}
