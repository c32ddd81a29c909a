package dev.starlight.broker;

import dev.starlight.core.events.Topics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node KRaft Kafka (broker and controller in one process) running inside this JVM.
 *
 * <p>Clients connect to {@code localhost:PORT} (PLAINTEXT, bound to 127.0.0.1); the controller listens on another
 * free loopback port. Optionally the client listener requires SCRAM-SHA-512 logins ({@link Builder#scramUser}), TLS
 * ({@link Builder#ssl}) or both; there is no authorizer, so any authenticated user may do anything. Storage is
 * formatted on first start and kept across restarts unless {@code fresh} is set.
 * Message limits allow the 10 MiB messages of the design ({@link Topics#MAX_MESSAGE_BYTES}); internal
 * topics use replication factor 1 and a single partition; topics are never auto-created.
 *
 * <pre>{@code
 * try (LocalBroker broker = LocalBroker.builder().port(0).dataDir(dir).build().start()) {
 *     String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalBroker implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;
    public static final int NODE_ID = 1;
    public static final String BROKER_LISTENER = "PLAINTEXT";
    /** The client listener's name when SCRAM users are configured (see {@link Builder#scramUser}). */
    public static final String SASL_LISTENER = "SASL_PLAINTEXT";
    /** The client listener's name when a keystore is configured (see {@link Builder#ssl}). */
    public static final String SSL_LISTENER = "SSL";
    /** The client listener's name with both SCRAM users and a keystore. */
    public static final String SASL_SSL_LISTENER = "SASL_SSL";
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** The file in a data dir that shows Kafka formatted it. */
    static final String META_PROPERTIES = "meta.properties";
    /** The log file {@link BrokerMain} writes in the data dir. */
    public static final String LOG_FILE = "broker.log";

    private final int requestedPort;
    private final Path dataDir;
    private final boolean fresh;
    private final Duration startTimeout;
    private final Map<String, String> overrides;
    private final Map<String, String> scramUsers;
    private final Ssl ssl;

    private KafkaRaftServer server;
    private int port = -1;
    private int controllerPort = -1;
    private boolean closed;

    private LocalBroker(Builder b) {
        this.requestedPort = b.port;
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.fresh = b.fresh;
        this.startTimeout = b.startTimeout;
        this.overrides = Map.copyOf(b.overrides);
        this.scramUsers = Collections.unmodifiableMap(new LinkedHashMap<>(b.scramUsers));
        this.ssl = b.ssl;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code ${user.home}/.starlight/kafka}. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".starlight", "kafka");
    }

    /**
     * Formats storage if needed, starts the broker and returns once it answers a {@code describeCluster}.
     *
     * @throws IllegalStateException if the port is taken, storage cannot be formatted, or the broker is not ready
     *                               within the start timeout (the broker is then shut down again)
     */
    public synchronized LocalBroker start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        if (closed) {
            throw new IllegalStateException("closed; build a new LocalBroker to restart");
        }
        try {
            if (fresh) {
                wipe(dataDir);
            }
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare data dir " + dataDir, e);
        }
        port = requestedPort == 0 ? freePort() : checkPortFree(requestedPort);
        controllerPort = freePort();
        while (controllerPort == port) {
            controllerPort = freePort();
        }

        KafkaConfig config = KafkaConfig.fromProps(serverProperties(), false);
        format(config);
        KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
        server = s;
        try {
            s.startup();
            awaitReady();
        } catch (RuntimeException e) {
            stopServer();
            throw e instanceof IllegalStateException ? e : new IllegalStateException("broker failed to start: " + e, e);
        }
        return this;
    }

    /** The server configuration: see the class comment. Overrides given to the builder win. */
    Properties serverProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        String listener = securityProtocol();
        p.put("listeners", listener + "://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", listener + "://localhost:" + port);
        p.put("listener.security.protocol.map", listener + ":" + listener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", listener);
        if (!scramUsers.isEmpty()) {
            // the broker talks to itself over its one client listener, as the first user
            Map.Entry<String, String> self = scramUsers.entrySet().iterator().next();
            p.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
            p.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
            p.put("listener.name." + listener.toLowerCase(Locale.ROOT) + "." + SCRAM_MECHANISM.toLowerCase(Locale.ROOT)
                    + ".sasl.jaas.config", scramJaas(self.getKey(), self.getValue()));
        }
        if (ssl != null) {
            p.put("ssl.keystore.type", ssl.type());
            p.put("ssl.keystore.location", ssl.keystore().toString());
            p.put("ssl.keystore.password", ssl.password());
            p.put("ssl.key.password", ssl.password());
            // the keystore is the truststore too: the broker's connections to itself trust its own certificate,
            // and client certificates (with clientAuth) must be in it
            p.put("ssl.truststore.type", ssl.type());
            p.put("ssl.truststore.location", ssl.keystore().toString());
            p.put("ssl.truststore.password", ssl.password());
            if (ssl.clientAuth()) {
                // Kafka applies the unprefixed setting to SSL listeners only, not SASL_SSL
                p.put("listener.name." + listener.toLowerCase(Locale.ROOT) + ".ssl.client.auth", "required");
            }
        }
        p.put("log.dirs", dataDir.toString());

        String max = Integer.toString(Topics.MAX_MESSAGE_BYTES);
        p.put("message.max.bytes", max);
        p.put("replica.fetch.max.bytes", max);
        p.put("replica.fetch.response.max.bytes", Integer.toString(2 * Topics.MAX_MESSAGE_BYTES));

        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");

        // small machine: modest threads, a small compaction buffer (the default takes 128 MiB of heap)
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");

        p.putAll(overrides);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    private void format(KafkaConfig config) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(dataDir.toString()))
                    .setIgnoreFormatted(true)
                    .setScramArguments(scramUsers.entrySet().stream()
                            .map(u -> SCRAM_MECHANISM + "=[name=" + u.getKey() + ",password=" + u.getValue() + "]")
                            .toList())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The cluster id already in the data dir (formatting again must keep it), else a new one. */
    private String clusterId() throws IOException {
        Path meta = dataDir.resolve(META_PROPERTIES);
        if (Files.isRegularFile(meta)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(meta)) {
                p.load(in);
            }
            String id = p.getProperty("cluster.id");
            if (id != null && !id.isBlank()) {
                return id.strip();
            }
        }
        return Uuid.randomUuid().toString();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Map<String, Object> cfg = new LinkedHashMap<>(clientConfig());
        cfg.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        cfg.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        Exception last = null;
        try (Admin admin = Admin.create(cfg)) {
            while (System.nanoTime() < deadline) {
                try {
                    var nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    if (nodes.stream().map(Node::id).anyMatch(id -> id == NODE_ID)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                } catch (Exception e) {
                    last = e;
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("broker not ready on " + bootstrapServers() + " within " + startTimeout
                + (last == null ? "" : " (last error: " + last + ")"), last);
    }

    /** {@code localhost:PORT}. */
    public String bootstrapServers() {
        if (port < 0) {
            throw new IllegalStateException("not started");
        }
        return "localhost:" + port;
    }

    /**
     * Client properties with {@code bootstrap.servers} set and, on a secured broker, the security settings for the
     * first SCRAM user, a truststore holding the broker's certificate and (with client authentication) the broker's
     * own key as client certificate; add your own serializers and sizes.
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("bootstrap.servers", bootstrapServers());
        c.putAll(securityConfig());
        if (!scramUsers.isEmpty()) {
            Map.Entry<String, String> first = scramUsers.entrySet().iterator().next();
            c.put("sasl.jaas.config", scramJaas(first.getKey(), first.getValue()));
        }
        if (ssl != null && ssl.clientAuth()) {
            c.put("ssl.keystore.type", ssl.type());
            c.put("ssl.keystore.location", ssl.keystore().toString());
            c.put("ssl.keystore.password", ssl.password());
        }
        return c;
    }

    /**
     * The client settings of a secured broker without credentials: {@code security.protocol}, the SASL mechanism and
     * the truststore (the broker's own keystore, which holds its self-signed certificate). Empty when plain.
     */
    public Map<String, Object> securityConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        if (scramUsers.isEmpty() && ssl == null) {
            return c;
        }
        c.put("security.protocol", securityProtocol());
        if (!scramUsers.isEmpty()) {
            c.put("sasl.mechanism", SCRAM_MECHANISM);
        }
        if (ssl != null) {
            c.put("ssl.truststore.type", ssl.type());
            c.put("ssl.truststore.location", ssl.keystore().toString());
            c.put("ssl.truststore.password", ssl.password());
        }
        return c;
    }

    /** PLAINTEXT, SASL_PLAINTEXT, SSL or SASL_SSL: the protocol of the client listener. */
    public String securityProtocol() {
        if (scramUsers.isEmpty()) {
            return ssl == null ? BROKER_LISTENER : SSL_LISTENER;
        }
        return ssl == null ? SASL_LISTENER : SASL_SSL_LISTENER;
    }

    /** The {@code sasl.jaas.config} value a client uses to log in as this SCRAM user. */
    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The client port (the chosen one when the builder asked for 0). */
    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Blocks until the broker has shut down (after {@link #close()} from another thread, or a fatal error). */
    public void awaitShutdown() {
        KafkaRaftServer s;
        synchronized (this) {
            s = server;
        }
        if (s != null) {
            s.awaitShutdown();
        }
    }

    /** Shuts the broker down and waits for it; idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        stopServer();
    }

    private void stopServer() {
        KafkaRaftServer s = server;
        server = null;
        if (s != null) {
            s.shutdown();
            s.awaitShutdown();
        }
    }

    /**
     * Deletes a data dir. Refuses a non-empty directory that Kafka did not format (no {@code meta.properties}), so
     * that a mistyped {@code --data-dir} cannot wipe unrelated files.
     */
    public static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        boolean foreign;
        try (Stream<Path> s = Files.list(dir)) {
            foreign = s.anyMatch(p -> !p.getFileName().toString().equals(LOG_FILE));
        }
        if (foreign && !Files.exists(dir.resolve(META_PROPERTIES))) {
            throw new IOException("refusing to wipe " + dir + ": not a Kafka data dir (no " + META_PROPERTIES + ")");
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    private static int checkPortFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use (another broker running?)", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private record Ssl(Path keystore, String type, String password, boolean clientAuth) {
    }

    /** Options for a {@link LocalBroker}. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private Path dataDir = defaultDataDir();
        private boolean fresh;
        private Duration startTimeout = Duration.ofSeconds(60);
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private final Map<String, String> scramUsers = new LinkedHashMap<>();
        private Ssl ssl;

        private Builder() {
        }

        /**
         * Adds a SCRAM-SHA-512 user; with at least one, the client listener requires SASL and the first user is the
         * one the broker and {@link LocalBroker#clientConfig()} log in as. Users are written when the data dir is
         * formatted, so a data dir formatted before keeps the users it had (use {@link #fresh(boolean)}).
         */
        public Builder scramUser(String name, String password) {
            for (String v : List.of(name, password)) {
                if (v.isEmpty() || !v.matches("[A-Za-z0-9._-]+")) {
                    throw new IllegalArgumentException("SCRAM user names and passwords here are [A-Za-z0-9._-]+");
                }
            }
            scramUsers.put(name, password);
            return this;
        }

        /**
         * Serves the client listener over TLS with this keystore (one private key and its certificate; the same
         * password for store and key). With {@code clientAuth} clients must present a certificate the keystore
         * trusts (mTLS).
         */
        public Builder ssl(Path keystore, String type, String password, boolean clientAuth) {
            this.ssl = new Ssl(keystore.toAbsolutePath(), Objects.requireNonNull(type),
                    Objects.requireNonNull(password), clientAuth);
            return this;
        }

        /** Client port; 0 picks a free one. Default {@value LocalBroker#DEFAULT_PORT}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Storage directory; default {@link LocalBroker#defaultDataDir()}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** Wipe the data dir before starting (see {@link LocalBroker#wipe(Path)}). */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** How long {@link LocalBroker#start()} waits for the broker to answer; default 60 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Any Kafka server property, applied last. */
        public Builder config(String key, String value) {
            overrides.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public LocalBroker build() {
            return new LocalBroker(this);
        }
    }
}
