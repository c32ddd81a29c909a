package dev.starlight.core.scan;

/**
 * One finding behind a verdict.
 *
 * @param detector stable name of what looked: {@code extract.alpha}, {@code extract.raw}, later {@code chi2.red} ...
 * @param score    0..1, how strongly it points to hidden data; null when the detector could not run
 * @param detail   what it saw, or why it could not run
 */
public record Evidence(String detector, Double score, String detail) {

    public static Evidence notRun(String detector, String why) {
        return new Evidence(detector, null, "not run: " + why);
    }
}
