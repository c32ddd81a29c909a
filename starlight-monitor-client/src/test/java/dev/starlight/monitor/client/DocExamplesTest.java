package dev.starlight.monitor.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every {@code monitor.x(} call in docs/monitoring-api.md's Java examples is a public method of MonitorClient. */
class DocExamplesTest {
    @Test
    void everyClientCallInTheDocIsAMethodOfTheClient() throws IOException {
        String doc = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/monitoring-api.md"));
        Set<String> called = new TreeSet<>();
        Matcher m = Pattern.compile("\\bmonitor\\.([a-zA-Z]+)\\(").matcher(doc);
        while (m.find()) {
            called.add(m.group(1));
        }
        Set<String> methods = Arrays.stream(MonitorClient.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(called).hasSizeGreaterThan(8);
        assertThat(methods).containsAll(called);
    }
}
