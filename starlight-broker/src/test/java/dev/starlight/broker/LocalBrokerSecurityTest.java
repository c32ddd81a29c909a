package dev.starlight.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real brokers with SCRAM logins and TLS: clients without the right credentials are refused, the others work. */
class LocalBrokerSecurityTest {

    private static final String PASSWORD = "store-secret";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void scramListenerRefusesClientsWithoutCredentialsAndServesUsers() throws Exception {
        try (LocalBroker broker = LocalBroker.builder().port(0).dataDir(dir.resolve("kafka"))
                .scramUser("admin", "admin-secret").scramUser("alice", "alice-secret").build().start()) {
            assertThat(broker.securityProtocol()).isEqualTo("SASL_PLAINTEXT");

            Map<String, Object> anonymous = Map.of("bootstrap.servers", broker.bootstrapServers());
            assertThatThrownBy(() -> describe(anonymous)).hasRootCauseInstanceOf(
                    org.apache.kafka.common.errors.TimeoutException.class);

            Map<String, Object> wrong = new HashMap<>(broker.securityConfig());
            wrong.put("bootstrap.servers", broker.bootstrapServers());
            wrong.put("sasl.jaas.config", LocalBroker.scramJaas("alice", "not-her-password"));
            assertThatThrownBy(() -> describe(wrong)).hasRootCauseInstanceOf(SaslAuthenticationException.class);

            Map<String, Object> alice = new HashMap<>(broker.securityConfig());
            alice.put("bootstrap.servers", broker.bootstrapServers());
            alice.put("sasl.jaas.config", LocalBroker.scramJaas("alice", "alice-secret"));
            assertThat(roundTrip(alice, "sasl.check")).isEqualTo("hello over sasl.check");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void saslSslWithClientCertificatesRefusesUntrustedAndAnonymousClients() throws Exception {
        Path brokerStore = dir.resolve("broker.p12");
        Path clientStore = dir.resolve("client.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", brokerStore);
        keytool("-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=starlight-client", "-keystore", clientStore);
        // each side trusts the other's self-signed certificate
        Path brokerCert = dir.resolve("broker.crt");
        Path clientCert = dir.resolve("client.crt");
        keytool("-exportcert", "-alias", "broker", "-keystore", brokerStore, "-file", brokerCert);
        keytool("-exportcert", "-alias", "client", "-keystore", clientStore, "-file", clientCert);
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", clientCert, "-keystore", brokerStore);
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", brokerCert, "-keystore", clientStore);

        try (LocalBroker broker = LocalBroker.builder().port(0).dataDir(dir.resolve("kafka"))
                .scramUser("admin", "admin-secret").ssl(brokerStore, "PKCS12", PASSWORD, true).build().start()) {
            assertThat(broker.securityProtocol()).isEqualTo("SASL_SSL");

            Map<String, Object> client = new HashMap<>();
            client.put("bootstrap.servers", broker.bootstrapServers());
            client.put("security.protocol", "SASL_SSL");
            client.put("sasl.mechanism", "SCRAM-SHA-512");
            client.put("sasl.jaas.config", LocalBroker.scramJaas("admin", "admin-secret"));
            client.put("ssl.truststore.type", "PKCS12");
            client.put("ssl.truststore.location", clientStore.toString());
            client.put("ssl.truststore.password", PASSWORD);

            // a certificate the broker does not know is not trusted, so no client certificate: refused
            assertThatThrownBy(() -> describe(client)).isInstanceOf(Exception.class);

            Map<String, Object> noTrust = new HashMap<>(client);
            noTrust.keySet().removeIf(k -> k.startsWith("ssl.truststore"));
            noTrust.put("ssl.keystore.type", "PKCS12");
            noTrust.put("ssl.keystore.location", clientStore.toString());
            noTrust.put("ssl.keystore.password", PASSWORD);
            assertThatThrownBy(() -> describe(noTrust)).isInstanceOf(Exception.class);

            Map<String, Object> mutual = new HashMap<>(client);
            mutual.put("ssl.keystore.type", "PKCS12");
            mutual.put("ssl.keystore.location", clientStore.toString());
            mutual.put("ssl.keystore.password", PASSWORD);
            assertThat(roundTrip(mutual, "mtls.check")).isEqualTo("hello over mtls.check");
        }
    }

    @Test
    void plainByDefault() {
        var props = LocalBroker.builder().port(0).dataDir(dir).build().serverProperties();
        assertThat(props.getProperty("listener.security.protocol.map")).startsWith("PLAINTEXT:PLAINTEXT,");
        assertThat(props.getProperty("sasl.enabled.mechanisms")).isNull();
        assertThat(props.getProperty("ssl.keystore.location")).isNull();
    }

    private static void describe(Map<String, Object> config) throws Exception {
        Map<String, Object> c = new HashMap<>(config);
        c.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(c)) {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
        }
    }

    /** Creates a topic, writes one record and reads it back, all as the given client. */
    private static String roundTrip(Map<String, Object> config, String topic) throws Exception {
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(15, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "hello over " + topic)).get(15, TimeUnit.SECONDS);
        }
        Map<String, Object> c = new HashMap<>(config);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    return r.value();
                }
            }
        }
        return null;
    }

    private static void keytool(Object... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        for (Object a : args) {
            cmd.add(a.toString());
        }
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + List.of(args) + " failed: " + out);
        }
    }
}
