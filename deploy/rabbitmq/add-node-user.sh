#!/usr/bin/env bash
# Creates (or updates) the RabbitMQ user of one city's node, allowed only what the node needs:
#   - publish SnapshotSubmitted (declare and write the exchange Network.Contracts.Messages:SnapshotSubmitted);
#   - its own answer queue node-<CITY>-answers (with its endpoint exchange and its _error/_skipped queues):
#     declare, bind to the two answer exchanges, consume;
#   - on the two answer exchanges (topic), bind with its own city's routing key only: topic permissions refuse any
#     other key, another city's or a wildcard ('#', '*'), so the user cannot widen its binding to others' answers.
# (MassTransit creates a node's temporary bus endpoint only for request/response, which the node does not use.)
# It can neither read another city's answer queue or answers nor publish anything but snapshots (not answers, not
# to other queues). The signature of each snapshot stays the proof of origin: the hub verifies it whoever delivered it.
#
# Usage: deploy/rabbitmq/add-node-user.sh CITY_ID [PASSWORD]
#   CITY_ID        e.g. NO-5001; the user is node-NO-5001
#   PASSWORD       default: NODE_PASSWORD from the environment, else a new random one (printed once)
# Environment: RABBITMQ_VHOST (default /), RABBITMQCTL (default rabbitmqctl; e.g. "docker compose exec -T rabbitmq rabbitmqctl").
set -euo pipefail

city="${1:-}"
if [[ ! "$city" =~ ^[A-Z]{2}-[0-9A-Z]{1,12}$ ]]; then
  echo "usage: $0 CITY_ID [PASSWORD]   (CITY_ID like NO-5001: ISO country code, a dash, the municipality number)" >&2
  exit 2
fi

vhost="${RABBITMQ_VHOST:-/}"
ctl="${RABBITMQCTL:-rabbitmqctl}"
user="node-${city}"
password="${2:-${NODE_PASSWORD:-}}"
generated=false
if [[ -z "$password" ]]; then
  password="$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  generated=true
fi

# The names MassTransit gives the node's resources (see contracts/Network.Messaging/AnswerTopology.cs and
# contracts/Network.Messaging/Messages/: AnswerRouting.cs, and SnapshotSubmitted.cs, whose exchange name is pinned and
# held by tests/Network.Messaging.Tests). The city id holds only A-Z, 0-9 and '-': nothing to escape.
queue="node-${city}-answers"
messages='Network\.Contracts\.Messages'
answers='Network\.Answers'
own="${queue}(_error|_skipped)?"

# Read on the answer exchanges is what binding them to the node's own exchange needs. The answer exchanges are topic
# exchanges, where RabbitMQ also checks each binding's routing key against the user's topic permissions (read
# pattern, below); without topic permissions every key would be allowed.
configure="^(${own}|${messages}:SnapshotSubmitted|${answers}:(SnapshotAccepted|SnapshotRejected))\$"
write="^(${own}|${messages}:SnapshotSubmitted)\$"
read="^(${queue}|${answers}:(SnapshotAccepted|SnapshotRejected))\$"
# Topic permissions on each answer exchange: bind (read) only the city's own routing key, the city id exactly (it
# holds nothing a regex treats specially); publish (write) nothing, which the write permission refuses anyway.
city_key="^${city}\$"
topic_write='^$'
answer_exchanges=("Network.Answers:SnapshotAccepted" "Network.Answers:SnapshotRejected")

if $ctl list_users --quiet --no-table-headers 2>/dev/null | awk '{print $1}' | grep -qx -- "$user"; then
  # The password comes on standard input, so it never shows in the process list.
  printf '%s' "$password" | $ctl change_password "$user" >/dev/null
  action="Updated"
else
  printf '%s' "$password" | $ctl add_user "$user" >/dev/null
  action="Created"
fi
$ctl set_permissions -p "$vhost" "$user" "$configure" "$write" "$read" >/dev/null
for exchange in "${answer_exchanges[@]}"; do
  $ctl set_topic_permissions -p "$vhost" "$user" "$exchange" "$topic_write" "$city_key" >/dev/null
done

echo "${action} the RabbitMQ user ${user} on virtual host ${vhost}."
echo "  configure  ${configure}"
echo "  write      ${write}"
echo "  read       ${read}"
echo "  topic      ${answer_exchanges[*]}: bind only ${city_key}, publish nothing"
echo
echo "The node's broker settings (node.json hub:rabbitMq, or the environment):"
echo "  Network__Node__Hub__RabbitMq__Username=${user}"
if $generated; then
  echo "  Network__Node__Hub__RabbitMq__Password=${password}    (new and random: shown this once)"
else
  echo "  Network__Node__Hub__RabbitMq__Password=<the password given>"
fi
