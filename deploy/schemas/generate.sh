#!/usr/bin/env bash
# Regenerates the JSON schemas vendored beside this script from npm packages (the npm registry is needed once;
# the build then runs offline against the committed files):
#   kubernetes/*.json  the object types of the Helm chart, from kubernetes-models (Kubernetes 1.3x API) and the CRD
#                      models @kubernetes-models/prometheus-operator and @kubernetes-models/strimzi-kafka-operator
#   grafana/dashboard.json  the Dashboard type of @grafana/schema
# ts-json-schema-generator turns each TypeScript type into a draft-07 schema; interfaces become objects with
# "additionalProperties": false, so a field name that the API does not have is an error (a misspelled key fails).
# clean-schema.js drops the descriptions to keep the files small. Usage: deploy/schemas/generate.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm init -y > /dev/null
npm install --no-audit --no-fund --silent \
  kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 \
  @kubernetes-models/strimzi-kafka-operator@1.0.1 @grafana/schema@13.2.3 ts-json-schema-generator@2.4.0
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "module": "nodenext", "moduleResolution": "nodenext", "strict": true, "skipLibCheck": true, "target": "es2020" } }
JSON
cat > types.ts <<'TS'
export type { IDeployment as Deployment } from "kubernetes-models/apps/v1/Deployment";
export type { IService as Service } from "kubernetes-models/v1/Service";
export type { IConfigMap as ConfigMap } from "kubernetes-models/v1/ConfigMap";
export type { ISecret as Secret } from "kubernetes-models/v1/Secret";
export type { IHorizontalPodAutoscaler as HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
export type { IPodDisruptionBudget as PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
export type { INetworkPolicy as NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
export type { IServiceMonitor as ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
export type { IKafkaTopic as KafkaTopic } from "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2/KafkaTopic";
TS
strip() { node "$HERE/clean-schema.js" "$1" "$2"; }
mkdir -p "$HERE/kubernetes" "$HERE/grafana"
for kind in Deployment Service ConfigMap Secret HorizontalPodAutoscaler PodDisruptionBudget NetworkPolicy ServiceMonitor KafkaTopic; do
  npx ts-json-schema-generator --path types.ts --tsconfig tsconfig.json --type "$kind" --no-type-check -o "$kind.raw.json"
  strip "$kind.raw.json" "$HERE/kubernetes/$kind.json"
  echo "kubernetes/$kind.json"
done
npx ts-json-schema-generator --path node_modules/@grafana/schema/dist/types/raw/dashboard/x/types.gen.d.ts --tsconfig tsconfig.json --type Dashboard --no-type-check -o Dashboard.raw.json
strip Dashboard.raw.json "$HERE/grafana/dashboard.json"
echo "grafana/dashboard.json"
