package dev.starlight.lab.hostile;

/**
 * One kind of hostile file.
 *
 * @param name      stable name, used in file names and the manifest
 * @param extension file extension
 * @param weight    how often it is drawn after every kind has appeared once
 * @param generator the bytes for a seed
 */
public record HostileKind(String name, String extension, int weight, Generator generator) {

    /** Deterministic: the same seed gives the same bytes. */
    @FunctionalInterface
    public interface Generator {
        byte[] bytes(long seed);
    }
}
