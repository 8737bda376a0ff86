#!/usr/bin/env bash
# 1,000 approved vendor exports with 100 ms upstream latency and NetSuite concurrency 5: wall
# time against the bound (1,000 x 0.1 s / 5 = 20 s). Then approval -> first NetSuite request,
# p50/p99, over exports approved one at a time on an idle hub.
source "$(dirname "$0")/lib.sh"
EXPORTS=${EXPORTS:-1000}
LATENCY_MS=${LATENCY_MS:-100}
CONCURRENCY=${CONCURRENCY:-5}
SAMPLES=${SAMPLES:-200}
build
start_sandbox --procore-vendors $((EXPORTS + SAMPLES)) --latency-ms "$LATENCY_MS" \
  --netsuite-concurrency "$CONCURRENCY" "${SYNTHETIC_SANDBOX[@]}"
start_hub -Dtrestle.netsuite.max-concurrency="$CONCURRENCY" "${UNTHROTTLED_CALLERS[@]}" "${SYNTHETIC_BUDGETS[@]}"
client exports "$EXPORTS" "$LATENCY_MS" "$CONCURRENCY" "$SAMPLES" "http://127.0.0.1:$SANDBOX_PORT/sandbox"
