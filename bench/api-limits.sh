#!/usr/bin/env bash
# The GraphQL request limits under attack, on the production build with its 256 MB heap: a normal
# dashboard query's p50/p90/p99 quiet and while four callers send refused alias and fragment bombs
# in a loop; the largest query the limits allow with the hub's peak heap; and the upstream requests
# of a request of 1,300 vendors aliases and of the 30 aliases allowed.
source "$(dirname "$0")/lib.sh"
USERS=${USERS:-5000}
LATENCY_MS=${LATENCY_MS:-20}
SAMPLES=${SAMPLES:-200}
build
start_sandbox --precoro-users "$USERS" --netsuite-employees "$USERS" --latency-ms "$LATENCY_MS" \
  --netsuite-concurrency 5 "${SYNTHETIC_SANDBOX[@]}"
# Production's own request and caller limits; the bombers soon exhaust their own share.
start_hub "${SYNTHETIC_BUDGETS[@]}"
client limits "$SAMPLES" "http://127.0.0.1:$SANDBOX_PORT"
