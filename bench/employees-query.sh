#!/usr/bin/env bash
# Latency of employees(first: 100) with both live sub-records, 20 ms upstream latency, one
# client: p50 and p99 over many requests, against one upstream round trip.
source "$(dirname "$0")/lib.sh"
USERS=${USERS:-5000}
LATENCY_MS=${LATENCY_MS:-20}
REQUESTS=${REQUESTS:-500}
build
start_sandbox --precoro-users "$USERS" --netsuite-employees "$USERS" --latency-ms "$LATENCY_MS" \
  --netsuite-concurrency 5 "${SYNTHETIC_SANDBOX[@]}"
# Every page read live (the copy is never fresh enough): the path this measures.
start_hub -Dtrestle.employees.copy-fresh-for=0s "${UNTHROTTLED_CALLERS[@]}" "${SYNTHETIC_BUDGETS[@]}"
client query "$REQUESTS" "$LATENCY_MS"
