package dev.starlight.trainer.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.core.events.Topics;
import dev.starlight.trainer.TrainingResult;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a run's model envelope to {@code <prefix>.models} and then its evaluation event to
 * {@code <prefix>.metrics} (both keyed by model name) with a plain Kafka producer, for {@code starlight train --publish}.
 */
public final class ModelPublisher {
    private ModelPublisher() {
    }

    public static void publish(String bootstrap, String prefix, TrainingResult result)
            throws ExecutionException, InterruptedException {
        publish(bootstrap, new Properties(), prefix, result);
    }

    /** {@code clientConfig}: security and other producer settings, applied under the ones set here. */
    public static void publish(String bootstrap, Properties clientConfig, String prefix, TrainingResult result)
            throws ExecutionException, InterruptedException {
        Topics topics = new Topics(prefix);
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        byte[] event;
        try {
            event = new ObjectMapper().writeValueAsBytes(EvaluationEvents.of(result.metrics(),
                    System.currentTimeMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evaluation event", e);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.models(), result.envelope().name(),
                    result.envelope().toBytes())).get();
            producer.send(new ProducerRecord<>(topics.metrics(), result.envelope().name(), event)).get();
        }
    }
}
