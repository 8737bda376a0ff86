#!/usr/bin/env bash
# 1,000 approved subcontractor invoices of 10 lines each as NetSuite vendor bills, with 100 ms
# upstream latency and NetSuite concurrency 5: wall time from the first approval to the last bill
# delivered and to the last invoice closed out in Procore, against the bound (1,000 x 0.1 s / 5
# = 20 s); NetSuite bill writes, Procore close-out requests and 429s; every invoice checked
# against its bill.
source "$(dirname "$0")/lib.sh"
INVOICES=${INVOICES:-1000}
LINES=${LINES:-10}
LATENCY_MS=${LATENCY_MS:-100}
CONCURRENCY=${CONCURRENCY:-5}
build
start_sandbox --procore-invoices "$INVOICES" --procore-invoice-lines "$LINES" --latency-ms "$LATENCY_MS" \
  --netsuite-concurrency "$CONCURRENCY" "${SYNTHETIC_SANDBOX[@]}"
start_hub -Dtrestle.netsuite.max-concurrency="$CONCURRENCY" "${UNTHROTTLED_CALLERS[@]}" "${SYNTHETIC_BUDGETS[@]}"
client bills "$INVOICES" "$LATENCY_MS" "$CONCURRENCY" "http://127.0.0.1:$SANDBOX_PORT/sandbox" \
  "jdbc:postgresql://${TRESTLE_DB_HOST:-localhost}:${TRESTLE_DB_PORT:-5432}/$BENCH_DB"
