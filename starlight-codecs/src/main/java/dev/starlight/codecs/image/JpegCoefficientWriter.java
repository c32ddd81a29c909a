package dev.starlight.codecs.image;

/**
 * Writes changed quantised coefficients back into a JPEG, losslessly (what {@code jpegtran} does): the result is a
 * sequential Huffman JPEG with one scan per component, the original's quantisation tables and application segments
 * (JFIF, Adobe, ICC), and exactly the coefficients given. For tools that change coefficients (the DCT-domain
 * embedders of the evaluation) and for tests that need such files.
 */
public final class JpegCoefficientWriter {
    private JpegCoefficientWriter() {
    }

    /**
     * @param original     the JPEG the coefficients came from (its segments are copied)
     * @param coefficients its coefficients, changed or not (same frame: size, components, sampling)
     * @throws ImageDecodeException when the original cannot be parsed or a coefficient is beyond 8-bit JPEG's range
     */
    public static byte[] write(byte[] original, JpegCoefficients coefficients) {
        return JpegHuffmanRewriter.rewrite(original, JpegStructure.parse(original).segments, coefficients);
    }
}
