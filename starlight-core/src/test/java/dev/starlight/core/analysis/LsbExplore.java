package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.core.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Not a test: prints each detector's estimates on covers and stego, and times the set. Run with java -cp. */
public final class LsbExplore {
    public static void main(String[] args) {
        List<DecodedImage> covers = new ArrayList<>(LsbStego.corpusCovers());
        covers.add(LsbStego.syntheticCover(7));
        List<Detector> ds = List.of(new SamplePairsAnalysis(), new RsAnalysis(), new WeightedStego(),
                new ChiSquareAttack(), new LsbMatching());
        String[] kinds = {"clean", "seq0.1", "seq0.2", "seq0.4", "rnd0.1", "rnd0.2", "rnd0.4", "pm0.4"};
        for (Detector d : ds) {
            System.out.println("== " + d.name());
            for (String kind : kinds) {
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-7s", kind));
                double sum = 0;
                int n = 0;
                for (int ci = 0; ci < covers.size(); ci++) {
                    DecodedImage img = make(covers.get(ci), kind, ci);
                    double avg = 0;
                    int m = 0;
                    for (Evidence e : d.analyse(img, null)) {
                        Double v = e.estimate() != null ? e.estimate() : e.score();
                        if (v != null) {
                            avg += v;
                            m++;
                        }
                    }
                    avg /= Math.max(1, m);
                    sum += avg;
                    n++;
                    sb.append(String.format(Locale.ROOT, " %6.3f", avg));
                }
                sb.append(String.format(Locale.ROOT, "  | mean %6.3f", sum / n));
                System.out.println(sb);
            }
        }
        timing(covers.get(covers.size() - 1));
    }

    static DecodedImage make(DecodedImage cover, String kind, long seed) {
        if (kind.equals("clean")) {
            return cover;
        }
        double rate = Double.parseDouble(kind.replaceAll("[a-z]", ""));
        if (kind.startsWith("seq")) {
            return LsbStego.map(cover, s -> LsbStego.sequential(s, rate, seed));
        }
        if (kind.startsWith("rnd")) {
            return LsbStego.map(cover, s -> LsbStego.random(s, rate, seed));
        }
        return LsbStego.map(cover, s -> LsbStego.matching(s, rate, 255, seed));
    }

    static void timing(DecodedImage img) {
        List<Detector> all = StatisticalDetectors.all();
        for (int warm = 0; warm < 300; warm++) {
            for (Detector d : all) {
                d.analyse(img, null);
            }
        }
        int reps = 200;
        double total = 0;
        for (Detector d : all) {
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                d.analyse(img, null);
            }
            double ms = (System.nanoTime() - t0) / 1e6 / reps;
            total += ms;
            System.out.printf(Locale.ROOT, "time %-8s %.3f ms per %dx%d RGB%n", d.name(), ms, img.width(), img.height());
        }
        System.out.printf(Locale.ROOT, "time total %.3f ms%n", total);
    }
}
