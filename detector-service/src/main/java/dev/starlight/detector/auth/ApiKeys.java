package dev.starlight.detector.auth;

import dev.starlight.detector.config.DetectorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The accepted API keys: the digests in {@code starlight.detector.api.key-sha256} (named {@code config-1},
 * {@code config-2}, ...) plus the named ones of {@code starlight.detector.api.keys-file}. The file (a few lines) is
 * read every {@code keys-file-check}; when its content changed, its keys replace the previous file's, so keys rotate
 * without a restart (content rather than modification time: an edit within the file system's time resolution still
 * counts). A file that does not parse, or cannot be read, keeps the previous keys.
 */
@Startup
@ApplicationScoped
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final List<NamedKey> configured;
    private final Optional<Path> file;
    private volatile List<NamedKey> fromFile = List.of();
    private volatile byte[] seen;
    private ScheduledExecutorService watcher;

    public ApiKeys(DetectorConfig config) {
        List<String> digests = config.api().keySha256().orElse(List.of()).stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        List<NamedKey> keys = new ArrayList<>();
        for (int i = 0; i < digests.size(); i++) {
            keys.add(new NamedKey("config-" + (i + 1), HexFormat.of().parseHex(digests.get(i).toLowerCase())));
        }
        this.configured = List.copyOf(keys);
        this.file = config.api().keysFile();
        file.ifPresent(f -> {
            reloadIfChanged();
            long period = Math.max(100, config.api().keysFileCheck().toMillis());
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "api-keys-file");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(this::reloadIfChanged, period, period, TimeUnit.MILLISECONDS);
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /**
     * The name of the key {@code presented}, if it is accepted. Every configured digest is compared, in constant
     * time, whatever matched before: the time taken says nothing about which key, or how much of one, matched.
     */
    public Optional<String> nameOf(String presented) {
        byte[] digest = sha256(presented);
        String match = null;
        for (List<NamedKey> keys : List.of(configured, fromFile)) {
            for (NamedKey key : keys) {
                boolean equal = MessageDigest.isEqual(key.digest(), digest);
                if (equal && match == null) {
                    match = key.name();
                }
            }
        }
        return Optional.ofNullable(match);
    }

    /** How many keys are accepted now. */
    public int count() {
        return configured.size() + fromFile.size();
    }

    void reloadIfChanged() {
        Path f = file.orElseThrow();
        try {
            byte[] content = Files.readAllBytes(f);
            if (Arrays.equals(content, seen)) {
                return;
            }
            seen = content;
            List<NamedKey> keys = KeysFile.parse(new String(content, StandardCharsets.UTF_8).lines().toList());
            fromFile = List.copyOf(keys);
            LOG.infof("API keys file %s read: %d keys (%s)", f, keys.size(),
                    String.join(", ", keys.stream().map(NamedKey::name).toList()));
        } catch (IOException | RuntimeException e) {
            // the message is ours (line numbers) or the file system's (path): no key material
            LOG.warnf("API keys file %s not applied, keeping the %d keys read before: %s", f, fromFile.size(),
                    e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName() + " "
                            + e.getMessage());
        }
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
