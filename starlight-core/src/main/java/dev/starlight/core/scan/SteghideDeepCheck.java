package dev.starlight.core.scan;

import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.JpegCoefficientReader;
import dev.starlight.core.Evidence;
import dev.starlight.core.analysis.JpegStegoFeatures;
import dev.starlight.core.analysis.JpegStegoModel;
import dev.starlight.core.search.steghide.SteghideFinding;
import dev.starlight.core.search.steghide.SteghideSamples;
import dev.starlight.core.search.steghide.SteghideSeedSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The opt-in deep check of a JPEG for steghide ({@code starlight scan --deep}, the gateway's {@code deep=true}):
 * the fast scan's result with the outcome of a {@link SteghideSeedSearch} added as evidence {@code steghide.seed}.
 * A steghide header found makes the verdict stego with method {@code steghide} (unless the fast scan had already
 * called it stego) and, for an unencrypted embedding, the embedded file as the payload. The search takes about
 * a minute and a half on two cores, so it is never part of the fast path; results other than JPEG scans pass
 * through unchanged.
 */
public final class SteghideDeepCheck {
    public static final String DETECTOR = "steghide.seed";
    public static final String METHOD = "steghide";

    private final SteghideSeedSearch search;

    /** @param threads threads one search uses */
    public SteghideDeepCheck(int threads) {
        this(new SteghideSeedSearch(threads));
    }

    /** With a search of one's own (a partial one in tests). */
    public SteghideDeepCheck(SteghideSeedSearch search) {
        this.search = search;
    }

    /**
     * @param fast      the fast scan's result for {@code data}
     * @param extract   whether an unencrypted embedding's file becomes the payload (as {@link ScanOptions#extract})
     * @param progress  told the seeds done as the search goes
     * @param cancelled asked between chunks of seeds whether to stop (the evidence then says how far it got)
     */
    public ScanResult check(ScanResult fast, byte[] data, boolean extract, SteghideSeedSearch.Progress progress,
                            BooleanSupplier cancelled) {
        if (fast.isError() || !"jpeg".equals(fast.format())) {
            return fast;
        }
        long start = System.nanoTime();
        SteghideSamples samples;
        try {
            samples = SteghideSamples.of(JpegCoefficientReader.read(data));
        } catch (StarlightException | IllegalArgumentException e) {
            return with(fast, Evidence.notRun(DETECTOR, "DCT coefficients not readable: " + e.getMessage()), start);
        }
        SteghideSeedSearch.Result r = search.search(samples, progress, cancelled);
        String searched = String.format(Locale.ROOT, "%d of 2^32 seeds in %.1f s", r.seedsTried(), r.nanos() / 1e9);
        return switch (r.outcome()) {
            case NOT_FOUND -> with(fast, new Evidence(Evidence.Kind.EXTRACTION, DETECTOR, 0.0,
                    String.format(Locale.ROOT, "no steghide header under any seed (%s; %d samples, chance of a "
                            + "false header %.1e)", searched, samples.count(), chance(samples))), start);
            case CANCELLED -> with(fast, new Evidence(Evidence.Kind.EXTRACTION, DETECTOR, null,
                    "not run to the end: stopped after " + searched + " without a steghide header"), start);
            case FOUND -> found(fast, r.finding().orElseThrow(), extract, searched, start);
        };
    }

    /**
     * Whether the fast path finds this JPEG suspicious enough for the search under triage: called stego already,
     * or the shipped JPEG classifier's steghide detector at or above its triage bar (the logit that 90% of the
     * steghide files of the fit's validation split reach; on its holdout 99% of steghide files and about half of
     * clean JPEGs do: docs/jpeg-evaluation.md, "Deep steghide check"). A JPEG the classifier cannot read is
     * searched. Not a JPEG scan: false.
     */
    public static boolean suspicious(ScanResult fast, byte[] data) {
        if (fast.isError() || !"jpeg".equals(fast.format())) {
            return false;
        }
        if (fast.verdict() == Verdict.STEGO) {
            return true;
        }
        JpegStegoModel model = JpegStegoModel.shipped();
        if (model == null) {
            return true;
        }
        try {
            double[] f = JpegStegoFeatures.of(JpegCoefficientReader.read(data).luma());
            return f == null || model.suspicious(METHOD, f);
        } catch (StarlightException | IllegalArgumentException e) {
            return true;
        }
    }

    /** The fast result of a JPEG left out by triage, saying so in the evidence. */
    public static ScanResult notSuspicious(ScanResult fast) {
        if (fast.isError() || !"jpeg".equals(fast.format())) {
            return fast;
        }
        return with(fast, Evidence.notRun(DETECTOR,
                "not searched: the JPEG classifier's steghide detector is under its triage bar"), System.nanoTime());
    }

    private static ScanResult found(ScanResult fast, SteghideFinding f, boolean extract, String searched,
                                    long start) {
        double score = 1 - f.chance();
        String what = f.message().isPresent()
                ? "unencrypted, file \"" + f.message().get().fileName() + "\" of " + f.message().get().data().length
                        + " bytes read and its CRC32 checked"
                : "encrypted with " + f.header().algorithmName() + " in " + f.header().modeName()
                        + " mode (the data needs the passphrase)";
        String detail = String.format(Locale.ROOT, "steghide header for seed 0x%08x: %d plain bits%s, %s; chance "
                        + "of a false header on this cover %.1e (%s)", f.seed(), f.header().plainBits(),
                f.header().compressed() ? " (compressed)" : "", what, f.chance(), searched);
        Evidence e = new Evidence(DETECTOR, score, detail, null, METHOD, Evidence.Kind.EXTRACTION);
        boolean already = fast.isStego();
        Payload payload = !extract || fast.payload() != null || f.message().isEmpty() ? fast.payload()
                : Payload.of(f.message().get().data());
        List<Evidence> evidence = new ArrayList<>(fast.evidence());
        evidence.add(e);
        return new ScanResult(fast.requestId(), fast.sha256(), fast.source(), fast.format(), fast.width(),
                fast.height(), Verdict.STEGO, Math.max(score, fast.stegoProbability() == null ? 0
                : fast.stegoProbability()), already ? fast.method() : METHOD, already ? fast.bitOrder() : null,
                payload, evidence, fast.modelVersion(), fast.latencyMs() + elapsedMs(start), null);
    }

    private static double chance(SteghideSamples samples) {
        return SteghideFinding.chanceOfFalseHeader(samples.count());
    }

    private static ScanResult with(ScanResult fast, Evidence e, long start) {
        List<Evidence> evidence = new ArrayList<>(fast.evidence());
        evidence.add(e);
        return new ScanResult(fast.requestId(), fast.sha256(), fast.source(), fast.format(), fast.width(),
                fast.height(), fast.verdict(), fast.stegoProbability(), fast.method(), fast.bitOrder(),
                fast.payload(), evidence, fast.modelVersion(), fast.latencyMs() + elapsedMs(start), fast.error());
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
