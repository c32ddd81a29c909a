package dev.starlight.broker;

import dev.starlight.core.events.Topics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;

/**
 * {@code java -jar starlight-broker.jar [--port 9092] [--data-dir DIR] [--fresh] [--prefix starlight]}: starts a
 * {@link LocalBroker}, creates the Starlight topics, prints one ready line and runs until SIGINT/SIGTERM.
 * Kafka's own log goes to {@code DIR/broker.log} (warnings and errors only, unless
 * {@code -Dorg.slf4j.simpleLogger.*} properties say otherwise).
 */
public final class BrokerMain {

    static final String USAGE = String.join("\n",
            "usage: java -jar starlight-broker.jar [--port N] [--data-dir DIR] [--fresh] [--prefix P]",
            "  --port N        client port on localhost (default 9092; 0 picks a free one)",
            "  --data-dir DIR  Kafka storage (default ~/.starlight/kafka); the log goes to DIR/broker.log",
            "  --fresh         wipe the data dir first (refused if it is not a Kafka data dir)",
            "  --prefix P      topic prefix (default starlight)");

    /** Parsed command line. */
    record Options(int port, Path dataDir, boolean fresh, String prefix, boolean help) {
    }

    private BrokerMain() {
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("starlight broker: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (o.help()) {
            System.out.println(USAGE);
            return;
        }
        System.exit(run(o, System.out, System.err));
    }

    /** Runs the broker until the JVM is asked to stop; returns the exit status for failures to start. */
    static int run(Options o, PrintStream out, PrintStream err) {
        Path dir = o.dataDir().toAbsolutePath().normalize();
        try {
            // wipe and create the dir before anything touches slf4j, so the log file can live inside it
            if (o.fresh()) {
                LocalBroker.wipe(dir);
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            err.println("starlight broker: " + e.getMessage());
            return 1;
        }
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", dir.resolve(LocalBroker.LOG_FILE).toString());
        }

        LocalBroker broker = LocalBroker.builder().port(o.port()).dataDir(dir).build();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "starlight-broker-shutdown"));
        List<String> topics;
        try {
            broker.start();
            try (Admin admin = Admin.create(broker.clientConfig())) {
                topics = StarlightTopics.createAll(admin, o.prefix());
            }
        } catch (RuntimeException e) {
            err.println("starlight broker: failed to start: " + e.getMessage()
                    + " (log: " + dir.resolve(LocalBroker.LOG_FILE) + ")");
            broker.close();
            return 1;
        }
        out.println("starlight broker ready on " + broker.bootstrapServers() + " (topics: " + String.join(", ", topics) + ")");
        out.flush();
        broker.awaitShutdown();
        return 0;
    }

    static Options parse(String[] args) {
        int port = LocalBroker.DEFAULT_PORT;
        Path dataDir = LocalBroker.defaultDataDir();
        boolean fresh = false;
        String prefix = Topics.DEFAULT_PREFIX;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--port" -> {
                    String v = value != null ? value : next(args, ++i, a);
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port needs a number, got '" + v + "'");
                    }
                    if (port < 0 || port > 65535) {
                        throw new IllegalArgumentException("--port out of range: " + port);
                    }
                }
                case "--data-dir" -> dataDir = Path.of(value != null ? value : next(args, ++i, a));
                case "--prefix" -> prefix = new Topics(value != null ? value : next(args, ++i, a)).prefix();
                case "--fresh" -> fresh = true;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        return new Options(port, dataDir, fresh, prefix, help);
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
