# Sourced by deploy/images and deploy/verify: podman on a machine without a Docker engine (../docs/deployment.md).
# Installs what is missing (Debian, as root), and works around two sandbox limits with a containers.conf: raising
# rlimits is forbidden (crun: setrlimit RLIMIT_NOFILE: Operation not permitted), so the containers get the current
# hard limits; and crun refuses hybrid cgroups, so runc runs them.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/deploy/target"
mkdir -p "$TARGET/podman"

need_packages() { # packages whose command is missing
  local missing=() pair
  for pair in "$@"; do command -v "${pair%%:*}" > /dev/null || missing+=("${pair#*:}"); done
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "missing: ${missing[*]} (apt-get install as root)" >&2; return 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
  fi
}
need_packages podman:podman runc:runc buildah:buildah fuse-overlayfs:fuse-overlayfs slirp4netns:slirp4netns \
  newuidmap:uidmap mmdebstrap:mmdebstrap

cat > "$TARGET/podman/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF="$TARGET/podman/containers.conf"
