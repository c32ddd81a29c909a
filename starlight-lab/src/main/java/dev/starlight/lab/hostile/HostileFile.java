package dev.starlight.lab.hostile;

/**
 * One generated hostile file: {@code HostileCorpus.make(kind, seed)} gives the same bytes again.
 *
 * @param index     its place in the corpus
 * @param kind      what it is (see {@link HostileCorpus#kinds()})
 * @param seed      the seed it was drawn with
 * @param extension the file extension its bytes pretend to (png, gif, jpg, bmp, webp, bin)
 * @param data      the bytes
 */
public record HostileFile(int index, String kind, long seed, String extension, byte[] data) {

    /** {@code NNNNN-kind.ext}, the name {@code starlight hostile} writes it under. */
    public String name() {
        return String.format("%05d-%s.%s", index, kind, extension);
    }
}
