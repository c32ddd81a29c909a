package dev.starlight.bench.reliability;

import dev.starlight.core.events.Topics;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.OnnxGraphWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The fault run of issue 10: a broker and a detector as child processes, requests produced at a steady rate, and,
 * while they flow, the detector SIGKILLed and restarted several times, the broker SIGKILLed and restarted, a
 * corrupt model and a model with the wrong input names published, and a flood far beyond the detector's capacity.
 * Then it counts: every acknowledged request id must have an answer, duplicates must agree, nothing may be stuck,
 * and the detector's heap after a full GC must come back to its level from before the flood.
 *
 * <pre>
 * bin/reliability chaos [--requests 100000] [--rate 250] [--flood 20000] [--kills 3] [--size 64] [--out target/reliability/chaos]
 * </pre>
 * Exit status 0 only when nothing was lost, no duplicate disagreed and nothing was stuck.
 */
@Command(name = "chaos", sortOptions = false,
        description = {"The fault run: kills and restarts the detector and the broker, publishes bad models and floods "
                + "the detector while requests flow, then checks that every request was answered once in effect.",
            "Exit status 0 only when nothing was lost, no duplicate disagreed and nothing was stuck."})
public final class ChaosRun implements Callable<Integer> {
    @Option(names = "--requests", description = "Requests to produce (default: ${DEFAULT-VALUE}).")
    int requests = 100_000;

    @Option(names = "--rate", description = "Steady rate, requests per second (default: ${DEFAULT-VALUE}).")
    int rate = 250;

    @Option(names = "--flood", description = "Requests sent at once from 70 %% of the run (default: ${DEFAULT-VALUE}).")
    int flood = 20_000;

    @Option(names = "--kills", description = "Detector SIGKILLs (default: ${DEFAULT-VALUE}).")
    int kills = 3;

    @Option(names = "--size", description = "Width and height of the request images (default: ${DEFAULT-VALUE}).")
    int size = 64;

    @Option(names = "--out", description = "Summary, timeline and logs (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target/reliability/chaos");

    @Mixin
    LocalPlatformOptions platformOptions = new LocalPlatformOptions();

    /** What to run; {@code settleSeconds} is the idle time before memory is measured after the drain. */
    record Options(int requests, int rate, int flood, int kills, int size, Path out, Path home, int kafkaPort,
                   int httpPort, int settleSeconds) {
    }

    /**
     * What a run counted. Memory "returns to its level" when the heap after a full GC, measured after the drain, is
     * at most twice its level before the flood, or 64 MiB above it (GC noise on a heap this small).
     */
    record Summary(int produced, int answered, List<String> lost, long duplicates, long disagreeing, boolean stuck,
                   String servingBefore, String servingAfter, double heapBeforeMiB, double heapAfterMiB) {
        boolean memoryBack() {
            return heapAfterMiB <= Math.max(2 * heapBeforeMiB, heapBeforeMiB + 64);
        }

        boolean passed() {
            return lost.isEmpty() && disagreeing == 0 && !stuck && servingBefore.equals(servingAfter) && memoryBack();
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosRun()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Summary summary = run(new Options(requests, rate, flood, kills, size, out, platformOptions.home,
                platformOptions.kafkaPort, platformOptions.httpPort, 20));
        return summary.passed() ? 0 : 1;
    }

    static Summary run(Options o) throws Exception {
        Files.createDirectories(o.out());
        Report report = new Report(o.out().resolve("summary.txt"));
        RequestImages images = new RequestImages(64, o.size());
        report.line("chaos run: %d requests (64 distinct %dx%d PNGs, mean %d bytes, a quarter lsb.rgb stego) at %d/s,"
                + " %d detector kills, one broker kill, two bad models, a flood of %d; detector cache off",
                o.requests(), o.size(), o.size(), images.meanBytes(), o.rate(), o.kills(), o.flood());
        String run = "chaos" + System.currentTimeMillis();
        try (LocalPlatform platform = new LocalPlatform(o.home(), o.out().resolve("work"), o.kafkaPort(), o.httpPort(),
                List.of("-Dstarlight.detector.cache-entries=0"))) {
            platform.startBroker(true);
            platform.startDetector();
            report.line("platform up: broker %s, detector %s (pid %d)", platform.bootstrap(), platform.detectorUrl(),
                    platform.detectorPid());
            String servingBefore = serving(platform);
            AtomicInteger progress = new AtomicInteger();
            try (RequestProducer producer = new RequestProducer(platform.bootstrap(), Topics.DEFAULT, run, images);
                 ResultTally tally = new ResultTally(platform.bootstrap(), Topics.DEFAULT, run, producer::sentAt);
                 Timeline timeline = new Timeline(() -> producer.acknowledged().size(), tally, platform)) {
                Faults faults = new Faults(o, platform, report, timeline, progress);
                Thread faultThread = new Thread(faults, "faults");
                faultThread.start();

                produce(o, producer, progress);
                report.line("[%6.1f s] all %d requests handed to the producer", timeline.elapsedSeconds(), o.requests());
                producer.flush();
                while (producer.resendFailed() > 0) {
                    producer.flush();
                }
                faultThread.join();
                report.line("[%6.1f s] all %d requests acknowledged by the broker (%d sends failed and were sent again)",
                        timeline.elapsedSeconds(), producer.acknowledged().size(), producer.sendFailures());

                boolean stuck = awaitAnswers(producer, tally, 180);
                report.line("[%6.1f s] answers: %d of %d; measuring memory after %d s idle", timeline.elapsedSeconds(),
                        tally.answered(), producer.acknowledged().size(), o.settleSeconds());
                Thread.sleep(o.settleSeconds() * 1000L);
                double heapAfter = platform.detectorHeapAfterGcMiB();
                double rssAfter = platform.detectorRssMiB();
                String servingAfter = serving(platform);
                List<String> lost = producer.acknowledged().stream().filter(id -> !tally.answered(id)).sorted().toList();

                report.line("");
                report.line("produced (acknowledged): %d", producer.acknowledged().size());
                report.line("answered:                %d", tally.answered());
                report.line("lost:                    %d%s", lost.size(), lost.isEmpty() ? "" : " e.g. " + lost.subList(0,
                        Math.min(10, lost.size())));
                report.line("duplicates:              %d (answers for an id already answered: redelivery after a kill)",
                        tally.duplicates());
                report.line("duplicates disagreeing:  %d %s", tally.mismatches(), tally.mismatchExamples());
                report.line("stuck:                   %s", stuck ? "yes (no progress for 180 s)" : "no");
                report.line("answers by kind:         %s", tally.answerCounts());
                report.line("serving model before/after: %s / %s", servingBefore, servingAfter);
                Summary summary = new Summary(producer.acknowledged().size(), tally.answered(), lost,
                        tally.duplicates(), tally.mismatches(), stuck, servingBefore, servingAfter, faults.heapBefore,
                        heapAfter);
                report.line("detector heap after full GC: %.1f MiB before the flood, %.1f MiB after the drain (%s)",
                        faults.heapBefore, heapAfter, summary.memoryBack() ? "back to its level" : "NOT back");
                report.line("detector RSS: %.1f MiB before the flood, %.1f MiB after the drain", faults.rssBefore, rssAfter);
                timeline.writeCsv(o.out().resolve("timeline.csv"));
                report.line("result: %s", summary.passed() ? "PASS" : "FAIL");
                return summary;
            }
        }
    }

    /** Steady rate, except for the flood: {@code flood} requests from 70 % of the run as fast as the producer takes them. */
    private static void produce(Options o, RequestProducer producer, AtomicInteger progress) throws InterruptedException {
        int floodStart = (int) (o.requests() * 0.70);
        long start = System.nanoTime();
        double creditStart = 0;
        for (int i = 0; i < o.requests(); i++) {
            boolean flooding = i >= floodStart && i < floodStart + o.flood();
            if (i == floodStart + o.flood()) {
                // back to the steady rate from here, without "catching up" the time the flood took
                start = System.nanoTime();
                creditStart = i;
            }
            if (!flooding) {
                long due = start + (long) ((i - creditStart) * 1e9 / o.rate());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            producer.send(i);
            progress.set(i + 1);
            if (i % 1000 == 999) {
                producer.resendFailed();
            }
        }
    }

    /** Waits until every acknowledged id is answered; true when answers stopped coming for {@code idleSeconds}. */
    private static boolean awaitAnswers(RequestProducer producer, ResultTally tally, int idleSeconds)
            throws InterruptedException {
        int last = -1;
        long lastChange = System.nanoTime();
        while (tally.answered() < producer.acknowledged().size()) {
            int now = tally.answered();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > idleSeconds * 1_000_000_000L) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static String serving(LocalPlatform platform) {
        try {
            var c = (java.net.HttpURLConnection) java.net.URI.create(platform.detectorUrl() + "/v1/models").toURL()
                    .openConnection();
            String body = new String(c.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            return n.path("name").asText() + " " + n.path("version").asText();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The fault schedule, driven by how many requests have been produced. */
    static final class Faults implements Runnable {
        private final Options o;
        private final LocalPlatform platform;
        private final Report report;
        private final Timeline timeline;
        private final AtomicInteger progress;
        volatile double heapBefore = Double.NaN;
        volatile double rssBefore = Double.NaN;

        Faults(Options o, LocalPlatform platform, Report report, Timeline timeline, AtomicInteger progress) {
            this.o = o;
            this.platform = platform;
            this.report = report;
            this.timeline = timeline;
            this.progress = progress;
        }

        @Override
        public void run() {
            try {
                for (int k = 0; k < o.kills(); k++) {
                    awaitProgress(0.05 + 0.30 * (k + 0.5) / o.kills());
                    platform.killDetector();
                    event("detector SIGKILL #%d", k + 1);
                    Thread.sleep(2000);
                    platform.startDetector();
                    event("detector restarted and ready (pid %d)", platform.detectorPid());
                }
                awaitProgress(0.45);
                platform.killBroker();
                event("broker SIGKILL");
                Thread.sleep(3000);
                platform.startBroker(false);
                event("broker restarted and ready");

                awaitProgress(0.55);
                publishBadModels();
                awaitProgress(0.65);
                heapBefore = platform.detectorHeapAfterGcMiB();
                rssBefore = platform.detectorRssMiB();
                event("before the flood: detector heap after full GC %.1f MiB, RSS %.1f MiB", heapBefore, rssBefore);
                awaitProgress(0.70);
                event("flood of %d requests starts", o.flood());
            } catch (Exception e) {
                event("fault schedule failed: %s", e);
            }
        }

        private void publishBadModels() throws Exception {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrap());
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
            try (KafkaProducer<String, byte[]> models = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                byte[] garbage = new byte[64 * 1024];
                new Random(20261125).nextBytes(garbage);
                models.send(new ProducerRecord<>(Topics.DEFAULT.models(), "chaos-corrupt", garbage)).get();
                event("published a corrupt model envelope (64 KiB of random bytes)");
                byte[] onnx = new OnnxGraphWriter("wrong-inputs")
                        .input("not_a_stream", -1, 3, 64, 64)
                        .constantLongs("column", -1, 1)
                        .node("ReduceMean", List.of("not_a_stream"), "mean4", OnnxGraphWriter.ints("axes", 1, 2, 3),
                                OnnxGraphWriter.integer("keepdims", 1))
                        .node("Reshape", List.of("mean4", "column"), "stego_logit")
                        .output("stego_logit", -1, 1)
                        .toBytes();
                byte[] envelope = ModelEnvelope.of("chaos-wrong-inputs", "1", Instant.now(), Map.of(), onnx).toBytes();
                models.send(new ProducerRecord<>(Topics.DEFAULT.models(), "chaos-wrong-inputs", envelope)).get();
                event("published a well-formed model whose input is named 'not_a_stream'");
            }
            Thread.sleep(3000);
            event("serving after the bad models: %s", serving(platform));
        }

        private void awaitProgress(double fraction) throws InterruptedException {
            while (progress.get() < o.requests() * fraction) {
                Thread.sleep(50);
            }
        }

        private void event(String format, Object... args) {
            report.line("[%6.1f s] at request %d: " + format, prepend(timeline.elapsedSeconds(), progress.get(), args));
        }

        private static Object[] prepend(double t, int n, Object[] args) {
            Object[] all = new Object[args.length + 2];
            all[0] = t;
            all[1] = n;
            System.arraycopy(args, 0, all, 2, args.length);
            return all;
        }
    }

    /** Prints each line and keeps the file in step, so a run cut short still leaves its events. */
    static final class Report {
        private final Path file;
        private final List<String> lines = new ArrayList<>();

        Report(Path file) {
            this.file = file;
        }

        synchronized void line(String format, Object... args) {
            String s = String.format(Locale.ROOT, format, args);
            System.out.println(s);
            System.out.flush();
            lines.add(s);
            try {
                Files.write(file, lines);
            } catch (IOException e) {
                System.err.println("cannot write " + file + ": " + e.getMessage());
            }
        }
    }
}
