#!/usr/bin/env bash
# Employee sync of 50,000 Precoro users against 50,000 NetSuite employees. The sandbox runs as
# its own process with 20 ms latency per request and a NetSuite concurrency limit of 5; the
# hub runs its production build with a 256 MB heap cap. Three runs: the initial sync and a full
# reconcile with nothing changed, each against the upstream bound, and between them an incremental
# run with nothing changed (its time and the requests it sent); then the hub's peak heap.
source "$(dirname "$0")/lib.sh"
USERS=${USERS:-50000}
LATENCY_MS=${LATENCY_MS:-20}
CONCURRENCY=${CONCURRENCY:-5}
build
start_sandbox --precoro-users "$USERS" --netsuite-employees "$USERS" --latency-ms "$LATENCY_MS" \
  --netsuite-concurrency "$CONCURRENCY" "${SYNTHETIC_SANDBOX[@]}"
# Precoro gets the same in-flight allowance as NetSuite, and no per-second pacing, so both
# systems are bound by latency and concurrency alone (real Precoro allows about 1 request/s).
start_hub -Dtrestle.netsuite.max-concurrency="$CONCURRENCY" -Dtrestle.precoro.max-concurrency="$CONCURRENCY" \
  "${SYNTHETIC_BUDGETS[@]}"
client sync "$USERS" "$LATENCY_MS" "$CONCURRENCY" "http://127.0.0.1:$SANDBOX_PORT/sandbox"
