#!/usr/bin/env bash
# ORDERS (500) Precoro purchase orders to NetSuite purchase orders under Precoro's real limits (the sandbox's
# defaults: 1 request/s, 1,500 an hour, 3,000 a day, the duplicate-GET minute; no SYNTHETIC_SANDBOX here) with
# NetSuite at LATENCY_MS (100) and concurrency CONCURRENCY (5).
# Part 1: the sandbox approves all the generated POs in one burst (--precoro-purchase-orders-pending, then
# POST /sandbox/records/precoro/purchaseorders/approve-pending), each approval firing its webhook to the hub:
# last approval -> last PENDING export request against the paced bound (one detail read per PO and one read per
# supplier, at 1/s), the Precoro requests by kind, the webhook deliveries and the 429s.
# Part 2: all the requests approved at once by a designated approver: first approval -> last EXPORTED against the
# NetSuite bound (ORDERS x LATENCY_MS / CONCURRENCY), the NetSuite 429s; then the externalId write-backs to Precoro
# (a PATCH per PO, Precoro-paced) timed on their own, with every Precoro request they caused.
# Takes about twenty minutes: Precoro's pace is the point.
source "$(dirname "$0")/lib.sh"
ORDERS=${ORDERS:-500}
LATENCY_MS=${LATENCY_MS:-100}
CONCURRENCY=${CONCURRENCY:-5}
PRECORO_LATENCY_MS=${PRECORO_LATENCY_MS:-20}
build
start_sandbox --precoro-purchase-orders "$ORDERS" --precoro-purchase-orders-pending true \
  --precoro-webhook-url "http://127.0.0.1:$HUB_PORT/webhooks/precoro/sandbox-precoro-webhook-token" \
  --netsuite-latency-ms "$LATENCY_MS" --precoro-latency-ms "$PRECORO_LATENCY_MS" --netsuite-concurrency "$CONCURRENCY"
# The hub keeps production's Precoro pacing and budgets. The safety-net poll (every 15 minutes) is off: it would
# add a list read at a moment of the clock's choosing, and the webhooks are what is measured.
export TRESTLE_PURCHASE_ORDERS_POLL_CRON=off
start_hub -Dtrestle.netsuite.max-concurrency="$CONCURRENCY" "${UNTHROTTLED_CALLERS[@]}"
client purchaseorders "$ORDERS" "$LATENCY_MS" "$CONCURRENCY" "http://127.0.0.1:$SANDBOX_PORT/sandbox" \
  "jdbc:postgresql://${TRESTLE_DB_HOST:-localhost}:${TRESTLE_DB_PORT:-5432}/$BENCH_DB"
