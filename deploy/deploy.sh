#!/usr/bin/env bash
# Deploys Starlight with Helm, canaries a new model, and rolls back. See docs/deployment.md and docs/operations.md.
#
#   deploy/deploy.sh upgrade  [common] [-f values.yaml] [--set k=v ...]     install or upgrade; Helm rolls back itself on failure
#   deploy/deploy.sh canary   [common] --model NAME --version V [--share PCT] [--monitor URL] [--timeout S]
#   deploy/deploy.sh rollback [common] [--revision N]                       back to the previous (or given) release
#   common: --release R (starlight) --namespace N (starlight) --dry-run (print the commands, run nothing)
#
# canary: a detector that serves new models at once joins the detectors' consumer group, taking about PCT % of the
# scan.requests partitions (4: a share rounds to whole partitions); the other detectors wait for the monitor's
# approval. The model must then be published (trainer service or `bin/starlight train --publish`). APPROVED: the canary
# goes and every detector serves the model. REJECTED, INCOMPARABLE or no verdict in time: the canary goes, the model is
# rejected by override (on time-out) and nothing else ever served it.
set -euo pipefail

CHART="$(cd "$(dirname "$0")" && pwd)/helm/starlight"
RELEASE=starlight NAMESPACE=starlight DRY_RUN=false
MODEL="" VERSION="" SHARE=25 MONITOR=http://localhost:8082 TIMEOUT=1800 REVISION="" POLL="${DEPLOY_POLL_SECONDS:-15}"
HELM_ARGS=()

die() { echo "deploy.sh: $*" >&2; exit 2; }
say() { echo "==> $*"; }
run() { # runs a command, or only prints it with --dry-run
  if $DRY_RUN; then printf '+'; printf ' %q' "$@"; echo; else "$@"; fi
}

[ $# -ge 1 ] || die "usage: deploy.sh upgrade|canary|rollback [options] (see the top of this file)"
CMD="$1"; shift
while [ $# -gt 0 ]; do
  case "$1" in
    --release) RELEASE="$2"; shift 2 ;;
    --namespace) NAMESPACE="$2"; shift 2 ;;
    --dry-run) DRY_RUN=true; shift ;;
    -f|--values) HELM_ARGS+=(-f "$2"); shift 2 ;;
    --set) HELM_ARGS+=(--set "$2"); shift 2 ;;
    --model) MODEL="$2"; shift 2 ;;
    --version) VERSION="$2"; shift 2 ;;
    --share) SHARE="$2"; shift 2 ;;
    --monitor) MONITOR="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --revision) REVISION="$2"; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done

helm_upgrade() {
  run helm upgrade --install "$RELEASE" "$CHART" --namespace "$NAMESPACE" --create-namespace \
    --atomic --wait --timeout 10m "$@"
}

# The monitor's latest verdict on MODEL VERSION, or nothing while it has none.
verdict() {
  local body
  body="$(curl -fsS "$MONITOR/v1/monitoring/regressions/$MODEL" 2>/dev/null)" || return 0
  printf '%s' "$body" | python3 -c '
import json, sys
for d in json.load(sys.stdin):
    if d.get("version") == sys.argv[1]:
        print(d.get("verdict") or "")' "$VERSION"
}

canary_off() {
  say "removing the canary detector"
  helm_upgrade --reuse-values --set canary.enabled=false
}

canary() {
  [ -n "$MODEL" ] && [ -n "$VERSION" ] || die "canary needs --model and --version"
  [[ "$SHARE" =~ ^[0-9]+$ ]] && [ "$SHARE" -ge 1 ] && [ "$SHARE" -le 50 ] || die "--share is a percentage, 1 to 50"
  local detectors=2 canaries
  if ! $DRY_RUN; then
    detectors="$(kubectl -n "$NAMESPACE" get deployment "$RELEASE-detector" -o jsonpath='{.spec.replicas}')"
  fi
  # canaries / (detectors + canaries) = share
  canaries=$(( (detectors * SHARE + (100 - SHARE) / 2) / (100 - SHARE) ))
  [ "$canaries" -ge 1 ] || canaries=1
  say "canary: $canaries detector(s) beside $detectors serve $MODEL $VERSION first (about $SHARE % of the Kafka traffic)"
  helm_upgrade --reuse-values --set detector.requireApproval=true --set canary.enabled=true \
    --set canary.replicas="$canaries"
  say "publish $MODEL $VERSION now; waiting up to ${TIMEOUT}s for the monitor's verdict ($MONITOR)"
  if $DRY_RUN; then
    run curl -fsS "$MONITOR/v1/monitoring/regressions/$MODEL"
    say "on APPROVED: every detector serves it"; canary_off
    say "on REJECTED or INCOMPARABLE: rolled back"; canary_off
    say "on time-out: rejected by override, then rolled back"
    run curl -fsS -X POST -H 'Content-Type: application/json' \
      -d "{\"action\":\"reject\",\"reason\":\"deploy.sh: no verdict in ${TIMEOUT}s\"}" \
      "$MONITOR/v1/monitoring/models/$MODEL/$VERSION/override"
    canary_off
    return 0
  fi
  local waited=0 v=""
  while [ "$waited" -lt "$TIMEOUT" ]; do
    v="$(verdict)"
    case "$v" in
      APPROVED) say "APPROVED: $MODEL $VERSION is champion; every detector serves it"; canary_off; return 0 ;;
      REJECTED|INCOMPARABLE) say "$v: rolling back"; canary_off; return 1 ;;
    esac
    sleep "$POLL"; waited=$(( waited + POLL ))
  done
  say "no verdict in ${TIMEOUT}s: rejecting $MODEL $VERSION and rolling back"
  run curl -fsS -X POST -H 'Content-Type: application/json' \
    -d "{\"action\":\"reject\",\"reason\":\"deploy.sh: no verdict in ${TIMEOUT}s\"}" \
    "$MONITOR/v1/monitoring/models/$MODEL/$VERSION/override" || true
  canary_off
  return 1
}

case "$CMD" in
  upgrade) say "installing or upgrading $RELEASE in $NAMESPACE"; helm_upgrade "${HELM_ARGS[@]}" ;;
  canary) canary ;;
  rollback) say "rolling $RELEASE back${REVISION:+ to revision $REVISION}"
            run helm rollback "$RELEASE" ${REVISION:+"$REVISION"} --namespace "$NAMESPACE" --wait ;;
  *) die "unknown command $CMD (upgrade, canary, rollback)" ;;
esac
