#!/usr/bin/env bash
# Creates the Starlight topics as starlight-core's TopicSpec.ALL describes them (partitions and configs); existing topics
# are left as they are. Run by the compose service topic-init; BOOTSTRAP and STARLIGHT_TOPIC_PREFIX may be set.
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP:-kafka:29092}"
P="${STARLIGHT_TOPIC_PREFIX:-starlight}"
KT=/opt/kafka/bin/kafka-topics.sh

create() { # name partitions [--config k=v ...]
  local name="$1" partitions="$2"; shift 2
  "$KT" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" --partitions "$partitions" "$@"
}

create "$P.scan.requests"    4 --config max.message.bytes=11534336 --config retention.ms=604800000
create "$P.scan.results"     4 --config max.message.bytes=11534336 --config retention.ms=604800000
create "$P.scan.dlq"         1 --config max.message.bytes=11534336 --config retention.ms=1209600000
# compacted: the latest model and decision per key is what readers need
create "$P.models"           1 --config max.message.bytes=11534336 --config retention.ms=-1 --config cleanup.policy=compact --config min.compaction.lag.ms=60000 --config segment.ms=3600000
create "$P.models.decisions" 1 --config max.message.bytes=11534336 --config retention.ms=-1 --config cleanup.policy=compact --config min.compaction.lag.ms=60000 --config segment.ms=3600000
create "$P.metrics"          1 --config max.message.bytes=11534336 --config retention.ms=604800000
create "$P.explain.requests" 2 --config max.message.bytes=11534336 --config retention.ms=604800000
create "$P.explain.results"  2 --config max.message.bytes=11534336 --config retention.ms=604800000
"$KT" --bootstrap-server "$BOOTSTRAP" --list
