package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.Palette;
import dev.starlight.core.Evidence;

/**
 * Unused and duplicated palette entries. Palette-LSB tools need pairs of (near-)identical colours so that
 * flipping an index's low bit does not show; they add such pairs and then use both halves. Encoders rarely
 * emit two identical entries and use both (a quantiser merges them), while unused entries and repeated
 * padding colours (GIF tables are padded to a power of two) are ordinary. Near-identical neighbours alone are
 * ordinary too (a 256-colour photo palette or a grey ramp is dense), so the score comes from identical pairs
 * that are both used, and from near-identical pairs that line up with index LSB pairs (2k, 2k+1) but not with
 * the shifted pairing (2k+1, 2k+2).
 */
public final class UnusedPaletteDetector extends SingleEvidenceDetector {
    static final String FAMILY = "palette.unused";
    /** RGB distance at or below which two entries are indistinguishable to the eye (LSB-pair tools use 1-2). */
    static final double NEAR = 2.0;

    public UnusedPaletteDetector() {
        super(FAMILY);
    }

    @Override
    Evidence evidence(DecodedImage image, byte[] file) {
        String why = PaletteStats.whyNot(image);
        if (why != null) {
            return Evidence.notRun(FAMILY, why);
        }
        Palette p = image.palette();
        int[] counts = PaletteStats.usage(image);
        int size = p.size();
        int used = 0;
        for (int c : counts) {
            used += c > 0 ? 1 : 0;
        }
        int identical = 0;
        int identicalUsed = 0;
        for (int a = 0; a < size; a++) {
            for (int b = a + 1; b < size; b++) {
                if (p.rgb()[a] == p.rgb()[b] && p.alpha(a) == p.alpha(b)) {
                    identical++;
                    if (counts[a] > 0 && counts[b] > 0) {
                        identicalUsed++;
                    }
                }
            }
        }
        // entries 2k and 2k+1 near-identical and both used, against the same for 2k+1 and 2k+2: an
        // LSB-pair palette is close in the first pairing only; a smooth ramp is close in both
        int aligned = nearUsedPairs(p, counts, 0);
        int shifted = nearUsedPairs(p, counts, 1);
        int pairs = size / 2;
        double lsbPairing = pairs == 0 || !pairingIsSignificant(aligned, shifted)
                ? 0 : (aligned - shifted) / (double) pairs;
        double identicalFraction = used == 0 ? 0 : 2.0 * identicalUsed / used;
        double score = score(identicalUsed, identicalFraction, lsbPairing);
        String detail = String.format("%d of %d entries unused, %d identical pairs (%d with both used); "
                + "near-identical used pairs at 2k/2k+1: %d, at 2k+1/2k+2: %d", size - used, size, identical,
                identicalUsed, aligned, shifted);
        return new Evidence(FAMILY, score, detail);
    }

    private static int nearUsedPairs(Palette p, int[] counts, int first) {
        int n = 0;
        for (int a = first; a + 1 < p.size(); a += 2) {
            if (counts[a] > 0 && counts[a + 1] > 0 && p.alpha(a) == p.alpha(a + 1)
                    && PaletteStats.distance(p, a, a + 1) <= NEAR) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether near-identical neighbours line up with the LSB pairing more than chance would: without embedding each
     * such neighbour pair is as likely at 2k/2k+1 as at 2k+1/2k+2, so the excess must be at least three standard
     * deviations of that coin toss (one-sided p ≈ 0.001). A small palette can show 8 against 2 by chance (a
     * 20-colour PNG of a resized photo in the clean zoo did); an LSB-pair tool's 256-entry palette shows 100 or more
     * against a handful.
     */
    static boolean pairingIsSignificant(int aligned, int shifted) {
        int n = aligned + shifted;
        return n > 0 && aligned - shifted >= 3 * Math.sqrt(n);
    }

    /** One identical used pair can be an encoder's slip; a palette built of pairs cannot. */
    static double score(int identicalUsed, double identicalFraction, double lsbPairing) {
        double fromIdentical = identicalUsed < 2 ? 0.1 * identicalUsed
                : Math.min(0.99, 0.5 + 2.5 * identicalFraction);
        double fromPairing = 1.0 / (1.0 + Math.exp(-(lsbPairing - 0.35) * 15));
        return Math.max(fromIdentical, fromPairing);
    }
}
