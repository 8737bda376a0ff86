#!/usr/bin/env bash
# 10,000 NetSuite bill payments imported as Procore commitment payments (requestImport BILL_PAYMENTS), with
# 100 ms upstream latency, NetSuite concurrency 5 and Procore's real limits (3,600 requests an hour, 25 per
# 10-second spike window, as the sandbox simulates them by default: no SYNTHETIC_SANDBOX here): wall time of
# the import against the upstream bound, the Procore requests it used against the minimum (10 sync actions of
# 1,000 entries plus the reads it needs), and every commitment payment Procore holds afterwards checked.
#
# The links: the hub gives a payment a commitment payment only for a bill linked (BILL) to the Procore invoice
# it came from, a link the export of that invoice writes when the bill lands. The sandbox generates each payment
# with its invoice already exported (the invoice's origin_id is the bill's id, the bill carries the hub's
# external id procore-requisition-<invoice>), so the client inserts those 10,000 record_link rows into this
# run's scratch database exactly as the export left them (kind BILL, method EXPORT, by export-worker) instead
# of exporting 10,000 invoices through requests and approvals first: that would take minutes of the hub's CPU
# on a shared machine (bench/bills.sh: 1,000 in about 20 s at its bound) and is measured by bench/bills.sh.
source "$(dirname "$0")/lib.sh"
PAYMENTS=${PAYMENTS:-10000}
LATENCY_MS=${LATENCY_MS:-100}
CONCURRENCY=${CONCURRENCY:-5}
build
start_sandbox --netsuite-bill-payments "$PAYMENTS" --latency-ms "$LATENCY_MS" --netsuite-concurrency "$CONCURRENCY"
# The hub keeps its default Procore budget (3,600 an hour, 25 per spike window): the sandbox's real figures.
start_hub -Dtrestle.netsuite.max-concurrency="$CONCURRENCY" "${UNTHROTTLED_CALLERS[@]}"
client payments "$PAYMENTS" "$LATENCY_MS" "$CONCURRENCY" "http://127.0.0.1:$SANDBOX_PORT/sandbox" \
  "jdbc:postgresql://${TRESTLE_DB_HOST:-localhost}:${TRESTLE_DB_PORT:-5432}/$BENCH_DB"
