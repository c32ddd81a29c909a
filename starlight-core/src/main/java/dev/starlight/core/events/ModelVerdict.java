package dev.starlight.core.events;

/** The monitor's regression gate's answer for a candidate model ({@link ModelDecision#verdict()}). */
public enum ModelVerdict {
    /** No rule broken (or the first model of its name, or an operator's approval): it may serve. */
    APPROVED,
    /** At least one rule broken (or an operator's rejection): the champion keeps serving. */
    REJECTED,
    /** Evaluated on other data than the champion (or the champion's evaluation is gone): not comparable. */
    INCOMPARABLE
}
