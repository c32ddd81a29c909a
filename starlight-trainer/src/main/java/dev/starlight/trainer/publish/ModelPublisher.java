package dev.starlight.trainer.publish;

import dev.starlight.core.events.Topics;
import dev.starlight.trainer.TrainingResult;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes a run's model envelope to {@code <prefix>.models} (key: model name) with a plain Kafka producer. */
public final class ModelPublisher {
    private ModelPublisher() {
    }

    public static void publish(String bootstrap, String prefix, TrainingResult result)
            throws ExecutionException, InterruptedException {
        Topics topics = new Topics(prefix);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.models(), result.envelope().name(),
                    result.envelope().toBytes())).get();
        }
    }
}
