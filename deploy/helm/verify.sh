#!/usr/bin/env bash
# Renders the chart without helm (Go's text/template, deploy/helm/render) twice - with the default values and with
# every option on (all-features-values.yaml) - and checks the manifests (check_rendered.py). Needs go and python3 with
# PyYAML. Writes the manifests to deploy/helm/target/.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/target"
mkdir -p "$OUT"

python3 - "$HERE" "$OUT" <<'PY'
import json, sys, yaml
here, out = sys.argv[1], sys.argv[2]
def merge(a, b):
    for k, v in b.items():
        a[k] = merge(a.get(k, {}), v) if isinstance(v, dict) and isinstance(a.get(k), dict) else v
    return a
base = yaml.safe_load(open(f"{here}/starlight/values.yaml"))
json.dump(base, open(f"{out}/values-default.json", "w"))
json.dump(merge(yaml.safe_load(open(f"{here}/starlight/values.yaml")), yaml.safe_load(open(f"{here}/all-features-values.yaml"))),
          open(f"{out}/values-all.json", "w"))
json.dump(yaml.safe_load(open(f"{here}/starlight/Chart.yaml")), open(f"{out}/chart.json", "w"))
yaml.safe_dump(json.load(open(f"{out}/values-all.json")), open(f"{out}/values-all.yaml", "w"))
PY

cd "$HERE/render"
for v in default all; do
  go run . "$HERE/starlight" "$OUT/values-$v.json" "$OUT/chart.json" rel starlight > "$OUT/rendered-$v.yaml"
  values="$HERE/starlight/values.yaml"; [ "$v" = all ] && values="$OUT/values-all.yaml"
  echo -n "$v values: "
  python3 "$HERE/check_rendered.py" "$OUT/rendered-$v.yaml" "$values" "$v"
done
