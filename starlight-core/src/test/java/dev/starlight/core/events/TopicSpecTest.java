package dev.starlight.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void everyTopicOfTopicsHasOneSpecInDesignOrder() {
        assertThat(TopicSpec.ALL).extracting(TopicSpec::suffix).containsExactly(Topics.SCAN_REQUESTS,
                Topics.SCAN_RESULTS, Topics.SCAN_DLQ, Topics.MODELS, Topics.MODEL_DECISIONS, Topics.METRICS,
                Topics.EXPLAIN_REQUESTS, Topics.EXPLAIN_RESULTS);
        Topics topics = new Topics("acme");
        assertThat(topics.all()).containsExactly("acme.scan.requests", "acme.scan.results", "acme.scan.dlq",
                "acme.models", "acme.models.decisions", "acme.metrics", "acme.explain.requests",
                "acme.explain.results");
        assertThat(TopicSpec.ALL.get(4).name(topics)).isEqualTo(topics.modelDecisions());
    }

    @Test
    void modelsAndDecisionsAreCompactedAndKeptEveryTopicTakesTenMebibyteMessages() {
        for (TopicSpec s : TopicSpec.ALL) {
            assertThat(s.maxMessageBytes()).as(s.suffix()).isEqualTo(Topics.MAX_MESSAGE_BYTES)
                    .isGreaterThan(10 * 1024 * 1024);
            assertThat(s.compacted()).as(s.suffix()).isEqualTo(s.suffix().startsWith(Topics.MODELS));
            assertThat(s.partitions()).as(s.suffix()).isPositive();
        }
        TopicSpec models = TopicSpec.ALL.get(3);
        assertThat(models.configs()).containsExactlyInAnyOrderEntriesOf(Map.of("max.message.bytes", "11534336",
                "retention.ms", "-1", "cleanup.policy", "compact", "min.compaction.lag.ms", "60000",
                "segment.ms", "3600000"));
        TopicSpec requests = TopicSpec.ALL.get(0);
        assertThat(requests.partitions()).isEqualTo(4);
        assertThat(requests.configs()).containsExactlyInAnyOrderEntriesOf(Map.of("max.message.bytes", "11534336",
                "retention.ms", "604800000"));
    }

    @Test
    void refusesSpecsThatCannotBeCreated() {
        assertThatThrownBy(() -> new TopicSpec("", 1, false, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicSpec("x", 0, false, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicSpec("x", 1, false, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
