"""Checks a rendered chart (verify.sh): YAML parses, expected kinds and names, probes, ports, references."""
import re
import sys
import yaml

rendered, values_file, all_features = sys.argv[1], sys.argv[2], sys.argv[3] == "all"
values = yaml.safe_load(open(values_file))
text = open(rendered).read()
assert "<no value>" not in text, "a template named a value that is missing"
docs = [d for d in yaml.safe_load_all(text) if d is not None]
by_kind = {}
for d in docs:
    assert d.get("apiVersion") and d.get("kind") and d["metadata"].get("name"), d
    by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d

def expect(cond, msg):
    if not cond:
        sys.exit("FAIL: " + msg)

services = values["services"]
canary = {"rel-detector-canary"} if all_features else set()
expect(set(by_kind["Deployment"]) == {f"rel-{n}" for n in services} | canary, f"deployments {sorted(by_kind['Deployment'])}")
expect(set(by_kind["Service"]) == {f"rel-{n}" for n in services}, "services")
for name, svc in services.items():
    dep = by_kind["Deployment"][f"rel-{name}"]
    spec = dep["spec"]["template"]["spec"]
    c = spec["containers"][0]
    expect(c["image"].endswith(f"starlight/{svc['module']}:{values['image']['tag']}"), c["image"])
    expect(c["ports"] == [{"name": "http", "containerPort": svc["port"]}], f"{name} port")
    expect(c["livenessProbe"]["httpGet"] == {"path": "/q/health/live", "port": "http"}, f"{name} liveness")
    expect(c["readinessProbe"]["httpGet"] == {"path": "/q/health/ready", "port": "http"}, f"{name} readiness")
    expect(c["startupProbe"]["httpGet"]["path"] == "/q/health/started", f"{name} startup")
    for k in ("cpu", "memory"):
        expect(c["resources"]["requests"][k] and c["resources"]["limits"][k], f"{name} resources")
    expect(dep["spec"]["selector"]["matchLabels"].items() <= dep["spec"]["template"]["metadata"]["labels"].items(),
           f"{name} selector")
    expect({"name": "config", "configMap": {"name": "rel-config"}} in spec["volumes"], f"{name} config volume")
    s = by_kind["Service"][f"rel-{name}"]
    expect(s["spec"]["ports"][0]["port"] == svc["port"] and s["spec"]["selector"] == dep["spec"]["selector"]["matchLabels"],
           f"{name} service")
    expect(s["metadata"]["labels"]["starlight.dev/metrics"] == str(svc["metrics"]).lower(), f"{name} metrics label")
    envs = {e["name"]: e for e in c.get("env", [])}
    expect(("KAFKA_SASL_JAAS_CONFIG" in envs) == all_features, f"{name} SASL env")
    expect(("KAFKA_SSL_TRUSTSTORE_PASSWORD" in envs) == all_features, f"{name} TLS env")
    expect(("KAFKA_SSL_KEYSTORE_PASSWORD" in envs) == all_features, f"{name} mTLS env")
if all_features:
    main = by_kind["Deployment"]["rel-detector"]["spec"]["template"]["spec"]["containers"][0]
    can = by_kind["Deployment"]["rel-detector-canary"]["spec"]["template"]["spec"]["containers"][0]
    expect(can["image"] == main["image"] and can["readinessProbe"] == main["readinessProbe"], "canary = detector")
    expect({"name": "STARLIGHT_DETECTOR_REQUIRE_APPROVAL", "value": "false"} in can["env"], "canary serves at once")
    expect([e for e in can["env"] if e["name"] != "STARLIGHT_DETECTOR_REQUIRE_APPROVAL"] == main["env"], "canary env")
    expect("starlight.detector.require-approval=true" in by_kind["ConfigMap"]["rel-config"]["data"]["application.properties"],
           "the other detectors wait for approval")
    expect(by_kind["Deployment"]["rel-detector-canary"]["spec"]["replicas"] == 1, "canary replicas")
expect("replicas" not in by_kind["Deployment"]["rel-detector"]["spec"], "the HPA owns the detector's replicas")

props = by_kind["ConfigMap"]["rel-config"]["data"]["application.properties"]
expect(f"kafka.bootstrap.servers={values['kafka']['bootstrapServers']}" in props, "bootstrap")
expect(("kafka.sasl.jaas.config=${KAFKA_SASL_JAAS_CONFIG}" in props) == all_features, "sasl config")
expect(("kafka.ssl.truststore.location=" in props) == all_features, "tls config")
expect(("kafka.ssl.keystore.location=/etc/starlight/kafka-keystore/keystore.p12" in props) == all_features,
       "mTLS config")
expect(("starlight.detector.api.keys-file=/etc/starlight/api-keys/keys" in props) == all_features, "keys file")
expect(("starlight.detector.models.trusted-keys=/etc/starlight/model-keys/model-signing.pub.pem,"
        "/etc/starlight/model-keys/old-signing.pub.pem" in props) == all_features, "trusted model keys")
expect(("starlight.trainer.signing-key=/etc/starlight/model-signing/model-signing.pem" in props) == all_features,
       "trainer signing key")
expect("starlight.detector.api.rate-limit.per-second=50" in props, "rate limit")
def mounts(deployment):
    spec = by_kind["Deployment"][deployment]["spec"]["template"]["spec"]
    paths = {m["mountPath"] for m in spec["containers"][0]["volumeMounts"]}
    volumes = {v["name"] for v in spec["volumes"]}
    expect({m["name"] for m in spec["containers"][0]["volumeMounts"]} <= volumes, f"{deployment} mounts have volumes")
    return paths
for d in ["rel-detector"] + (["rel-detector-canary"] if all_features else []):
    expect(("/etc/starlight/api-keys" in mounts(d)) == all_features, f"{d} keys file mounted")
    expect(("/etc/starlight/model-keys" in mounts(d)) == all_features, f"{d} trusted keys mounted")
expect(("/etc/starlight/model-keys" in mounts("rel-explain")) == all_features, "explainer trusted keys mounted")
expect(("starlight.explain.trusted-keys=/etc/starlight/model-keys/model-signing.pub.pem," in props) == all_features,
       "explainer trusted keys")
expect(("/etc/starlight/model-signing" in mounts("rel-trainer")) == all_features, "trainer signing key mounted")
expect("/etc/starlight/model-signing" not in mounts("rel-detector"), "the detector never sees the signing key")
expect(set(by_kind["Secret"]["rel-secrets"]["stringData"]) == {"api-key-sha256", "webhook-secret", "sasl-jaas-config"}, "secret")

hpa = by_kind["HorizontalPodAutoscaler"]["rel-detector"]
expect(hpa["spec"]["scaleTargetRef"]["name"] == "rel-detector", "hpa target")
kinds = [m["type"] for m in hpa["spec"]["metrics"]]
expect(kinds == (["Resource", "External"] if all_features else ["Resource"]), f"hpa metrics {kinds}")
expect(by_kind["PodDisruptionBudget"]["rel-detector"]["spec"]["selector"]["matchLabels"]
       == by_kind["Deployment"]["rel-detector"]["spec"]["selector"]["matchLabels"], "pdb selector")
np_ports = sorted(p["port"] for p in by_kind["NetworkPolicy"]["rel"]["spec"]["ingress"][0]["ports"])
expect(np_ports == sorted(s["port"] for s in services.values()), "network policy ports")

expect(("ServiceMonitor" in by_kind) == all_features, "servicemonitor")
expect(("KafkaTopic" in by_kind) == all_features, "kafkatopics")
if all_features:
    ep = by_kind["ServiceMonitor"]["rel"]["spec"]["endpoints"][0]
    expect(ep["path"] == "/q/metrics" and ep["port"] == "http", "servicemonitor endpoint")
    topics = by_kind["KafkaTopic"]
    expect(len(topics) == len(values["topics"]), "one KafkaTopic per topic")
    for t in values["topics"]:
        kt = topics[f"starlight.{t['suffix']}"]
        expect(kt["spec"]["partitions"] == t["partitions"], f"{t['suffix']} partitions")
        expect((kt["spec"]["config"].get("cleanup.policy") == "compact") == t["compacted"], f"{t['suffix']} compaction")
        expect(re.fullmatch(r"[a-z0-9.-]+", kt["metadata"]["name"]) is not None, "DNS name")

print(f"ok: {len(docs)} objects: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(by_kind.items())))
