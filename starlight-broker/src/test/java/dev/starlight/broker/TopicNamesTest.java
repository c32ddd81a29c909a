package dev.starlight.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void namesJoinPrefixAndSuffix() {
        assertThat(TopicNames.name(TopicNames.SCAN_REQUESTS)).isEqualTo("starlight.scan.requests");
        assertThat(TopicNames.name("dev.", TopicNames.MODELS)).isEqualTo("dev.models");
        assertThat(TopicNames.name(null, TopicNames.SCAN_DLQ)).isEqualTo("starlight.scan.dlq");
        assertThat(TopicNames.name("  ", TopicNames.METRICS)).isEqualTo("starlight.metrics");
        assertThat(TopicNames.ALL_SUFFIXES).hasSize(7).doesNotHaveDuplicates();
        assertThat(StarlightTopics.SPECS).extracting(StarlightTopics.Spec::suffix).isEqualTo(TopicNames.ALL_SUFFIXES);
        assertThat(StarlightTopics.names("x")).allMatch(n -> n.startsWith("x."));
    }

    @Test
    void argumentsParse() {
        BrokerMain.Options o = BrokerMain.parse(new String[] {"--port", "0", "--data-dir=/tmp/k", "--fresh", "--prefix", "dev"});
        assertThat(o.port()).isZero();
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/k"));
        assertThat(o.fresh()).isTrue();
        assertThat(o.prefix()).isEqualTo("dev");

        BrokerMain.Options d = BrokerMain.parse(new String[0]);
        assertThat(d.port()).isEqualTo(9092);
        assertThat(d.dataDir()).isEqualTo(LocalBroker.defaultDataDir());
        assertThat(d.fresh()).isFalse();
        assertThat(d.prefix()).isEqualTo("starlight");

        assertThatThrownBy(() -> BrokerMain.parse(new String[] {"--port", "x"})).hasMessageContaining("number");
        assertThatThrownBy(() -> BrokerMain.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BrokerMain.parse(new String[] {"--nope"})).hasMessageContaining("unknown");
    }
}
