package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.LintResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The chart linted (strict) and rendered by real Helm, with the default values and with every option on
 * (all-features-values.yaml); every rendered object valid against its Kubernetes or CRD schema, unknown fields
 * included; and the rendered manifests wired as the services need (images, ports, probes, selectors, config, secrets).
 */
class HelmChartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void helmLintStrictPasses() {
        LintResult lint = ChartRender.lint();
        System.out.println("helm lint --strict deploy/helm/starlight: " + (lint.isFailed() ? "FAILED" : "ok")
                + lint.getMessages().stream().map(m -> "\n  " + m).reduce("", String::concat));
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void defaultValuesRenderThirteenValidObjectsWiredToTheServices() {
        List<JsonNode> objects = renderAndValidate(false);
        assertThat(objects).hasSize(13);
        checkWiring(objects, false);
    }

    @Test
    void everyOptionOnRendersTwentyThreeValidObjectsWiredToTheServices() {
        List<JsonNode> objects = renderAndValidate(true);
        assertThat(objects).hasSize(23);
        checkWiring(objects, true);
    }

    private static List<JsonNode> renderAndValidate(boolean all) {
        String text = ChartRender.template(all ? ChartRender.ALL_FEATURES : null);
        assertThat(text).doesNotContain("<no value>");
        List<JsonNode> objects = ChartRender.objects(text);
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode o : objects) {
            kinds.merge(o.path("kind").asText(), 1, Integer::sum);
            ManifestSchemas.kubernetesErrors(o).forEach(e -> problems.add(ChartRender.id(o) + ": " + e));
        }
        System.out.printf("helm template (%s values): %d objects %s; schema errors: %d%n",
                all ? "every option on" : "default", objects.size(), kinds, problems.size());
        assertThat(problems).as("schema errors").isEmpty();
        return objects;
    }

    private static JsonNode values(boolean all) {
        JsonNode base = JSON.valueToTree(Repo.yaml("deploy/helm/starlight/values.yaml"));
        if (all) {
            merge((com.fasterxml.jackson.databind.node.ObjectNode) base,
                    JSON.valueToTree(Repo.yaml("deploy/helm/all-features-values.yaml")));
        }
        return base;
    }

    private static void merge(com.fasterxml.jackson.databind.node.ObjectNode into, JsonNode from) {
        from.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && into.path(e.getKey()).isObject()) {
                merge((com.fasterxml.jackson.databind.node.ObjectNode) into.get(e.getKey()), e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    private static Set<String> envNames(JsonNode container) {
        Set<String> names = new TreeSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        return names;
    }

    private static Set<String> mountPaths(JsonNode deployment) {
        JsonNode spec = deployment.at("/spec/template/spec");
        Set<String> volumes = new TreeSet<>();
        spec.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
        Set<String> paths = new TreeSet<>();
        spec.at("/containers/0/volumeMounts").forEach(m -> {
            assertThat(volumes).as(ChartRender.id(deployment) + " mount " + m).contains(m.path("name").asText());
            paths.add(m.path("mountPath").asText());
        });
        return paths;
    }

    private static void checkWiring(List<JsonNode> objects, boolean all) {
        JsonNode values = values(all);
        JsonNode services = values.path("services");
        Set<String> expectedDeployments = new TreeSet<>();
        services.fieldNames().forEachRemaining(n -> expectedDeployments.add("rel-" + n));
        Set<String> expectedServices = new TreeSet<>(expectedDeployments);
        if (all) {
            expectedDeployments.add("rel-detector-canary");
        }
        assertThat(ChartRender.names(objects, "Deployment")).containsExactlyInAnyOrderElementsOf(expectedDeployments);
        assertThat(ChartRender.names(objects, "Service")).containsExactlyInAnyOrderElementsOf(expectedServices);

        services.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode svc = e.getValue();
            JsonNode dep = ChartRender.find(objects, "Deployment", "rel-" + name);
            JsonNode c = dep.at("/spec/template/spec/containers/0");
            assertThat(c.path("image").asText()).endsWith("starlight/" + svc.path("module").asText() + ":"
                    + values.at("/image/tag").asText());
            assertThat(c.path("ports")).hasSize(1);
            assertThat(c.at("/ports/0/containerPort").asInt()).as(name + " port").isEqualTo(svc.path("port").asInt());
            assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            for (String r : List.of("cpu", "memory")) {
                assertThat(c.at("/resources/requests/" + r).asText()).as(name + " request " + r).isNotEmpty();
                assertThat(c.at("/resources/limits/" + r).asText()).as(name + " limit " + r).isNotEmpty();
            }
            JsonNode match = dep.at("/spec/selector/matchLabels");
            JsonNode podLabels = dep.at("/spec/template/metadata/labels");
            match.fields().forEachRemaining(l -> assertThat(podLabels.path(l.getKey())).as(name + " selector")
                    .isEqualTo(l.getValue()));
            assertThat(dep.at("/spec/template/spec/volumes").toString()).contains("\"configMap\":{\"name\":\"rel-config\"}");
            JsonNode service = ChartRender.find(objects, "Service", "rel-" + name);
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(svc.path("port").asInt());
            assertThat(service.at("/spec/selector")).isEqualTo(match);
            assertThat(service.at("/metadata/labels/starlight.dev~1metrics").asText())
                    .isEqualTo(String.valueOf(svc.path("metrics").asBoolean()));
            Set<String> env = envNames(c);
            for (String v : List.of("KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_PASSWORD", "KAFKA_SSL_KEYSTORE_PASSWORD")) {
                assertThat(env.contains(v)).as(name + " env " + v).isEqualTo(all);
            }
        });

        JsonNode detector = ChartRender.find(objects, "Deployment", "rel-detector");
        assertThat(detector.at("/spec/replicas").isMissingNode()).as("the HPA owns the detector's replicas").isTrue();
        String props = ChartRender.find(objects, "ConfigMap", "rel-config").at("/data/application.properties").asText();
        assertThat(props).contains("kafka.bootstrap.servers=" + values.at("/kafka/bootstrapServers").asText(),
                "starlight.detector.api.rate-limit.per-second=50");
        Map<String, Boolean> onlyWithEveryOption = Map.of(
                "kafka.sasl.jaas.config=${KAFKA_SASL_JAAS_CONFIG}", all,
                "kafka.ssl.truststore.location=", all,
                "kafka.ssl.keystore.location=/etc/starlight/kafka-keystore/keystore.p12", all,
                "starlight.detector.api.keys-file=/etc/starlight/api-keys/keys", all,
                "starlight.detector.models.trusted-keys=/etc/starlight/model-keys/model-signing.pub.pem,"
                        + "/etc/starlight/model-keys/old-signing.pub.pem", all,
                "starlight.trainer.signing-key=/etc/starlight/model-signing/model-signing.pem", all,
                "starlight.explain.trusted-keys=/etc/starlight/model-keys/model-signing.pub.pem,", all,
                "starlight.detector.require-approval=true", all);
        onlyWithEveryOption.forEach((line, present) -> assertThat(props.contains(line)).as(line).isEqualTo(present));

        List<String> detectors = all ? List.of("rel-detector", "rel-detector-canary") : List.of("rel-detector");
        for (String d : detectors) {
            Set<String> paths = mountPaths(ChartRender.find(objects, "Deployment", d));
            assertThat(paths.contains("/etc/starlight/api-keys")).as(d + " keys file").isEqualTo(all);
            assertThat(paths.contains("/etc/starlight/model-keys")).as(d + " trusted keys").isEqualTo(all);
            assertThat(paths).as("a detector never sees the signing key").doesNotContain("/etc/starlight/model-signing");
        }
        assertThat(mountPaths(ChartRender.find(objects, "Deployment", "rel-explain"))
                .contains("/etc/starlight/model-keys")).isEqualTo(all);
        assertThat(mountPaths(ChartRender.find(objects, "Deployment", "rel-trainer"))
                .contains("/etc/starlight/model-signing")).isEqualTo(all);
        Set<String> secretKeys = new TreeSet<>();
        ChartRender.find(objects, "Secret", "rel-secrets").path("stringData").fieldNames().forEachRemaining(secretKeys::add);
        assertThat(secretKeys).containsExactlyInAnyOrder("api-key-sha256", "webhook-secret", "sasl-jaas-config");

        if (all) {
            JsonNode main = detector.at("/spec/template/spec/containers/0");
            JsonNode canaryDep = ChartRender.find(objects, "Deployment", "rel-detector-canary");
            JsonNode canary = canaryDep.at("/spec/template/spec/containers/0");
            assertThat(canary.path("image")).isEqualTo(main.path("image"));
            assertThat(canary.path("readinessProbe")).isEqualTo(main.path("readinessProbe"));
            assertThat(canary.path("env").toString()).contains(
                    "{\"name\":\"STARLIGHT_DETECTOR_REQUIRE_APPROVAL\",\"value\":\"false\"}");
            assertThat(StreamSupport.stream(canary.path("env").spliterator(), false)
                    .filter(e -> !e.path("name").asText().equals("STARLIGHT_DETECTOR_REQUIRE_APPROVAL")).toList())
                    .as("the canary's other env equals the detector's")
                    .containsExactlyElementsOf(main.path("env"));
            assertThat(canaryDep.at("/spec/replicas").asInt()).isEqualTo(1);
        }

        JsonNode hpa = ChartRender.find(objects, "HorizontalPodAutoscaler", "rel-detector");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo("rel-detector");
        List<String> metricTypes = new ArrayList<>();
        hpa.at("/spec/metrics").forEach(m -> metricTypes.add(m.path("type").asText()));
        assertThat(metricTypes).isEqualTo(all ? List.of("Resource", "External") : List.of("Resource"));
        assertThat(ChartRender.find(objects, "PodDisruptionBudget", "rel-detector").at("/spec/selector/matchLabels"))
                .isEqualTo(detector.at("/spec/selector/matchLabels"));
        Set<Integer> policyPorts = new TreeSet<>();
        ChartRender.find(objects, "NetworkPolicy", "rel").at("/spec/ingress/0/ports")
                .forEach(p -> policyPorts.add(p.path("port").asInt()));
        Set<Integer> servicePorts = new TreeSet<>();
        services.forEach(s -> servicePorts.add(s.path("port").asInt()));
        assertThat(policyPorts).isEqualTo(servicePorts);

        assertThat(ChartRender.names(objects, "ServiceMonitor")).hasSize(all ? 1 : 0);
        assertThat(ChartRender.names(objects, "KafkaTopic")).hasSize(all ? values.path("topics").size() : 0);
        if (all) {
            JsonNode ep = ChartRender.find(objects, "ServiceMonitor", "rel").at("/spec/endpoints/0");
            assertThat(ep.path("path").asText()).isEqualTo("/q/metrics");
            assertThat(ep.path("port").asText()).isEqualTo("http");
            for (JsonNode t : values.path("topics")) {
                JsonNode kt = ChartRender.find(objects, "KafkaTopic", "starlight." + t.path("suffix").asText());
                assertThat(kt.at("/spec/partitions").asInt()).isEqualTo(t.path("partitions").asInt());
                assertThat("compact".equals(kt.at("/spec/config/cleanup.policy").asText()))
                        .isEqualTo(t.path("compacted").asBoolean());
                assertThat(kt.at("/metadata/name").asText()).matches("[a-z0-9.-]+");
            }
        }
    }
}
