#!/usr/bin/env bash
# A day of a 50,000-user tenant against the real Precoro limits, time-scaled SCALE times (300:
# one day in 4.8 minutes): the incremental employee sync every 15 simulated minutes (its cron),
# the full reconcile at 02:30, 1% of the users edited in Precoro during the day, and ten
# dashboards each loading a page of employees every 5 simulated seconds. Everything that is a
# duration is scaled alike: Precoro's one request a second and its duplicate-GET minute, the
# hub's pacing, its copy freshness and its watermark overlap. Precoro's hourly and daily budgets
# (1,500 and 3,000) stay as they are, in the sandbox and in the hub: the whole simulated day fits
# in one real hour, so the daily figure is the one that binds. Prints each system's requests during
# the day against Precoro's 3,000 and the 429s the hub received.
source "$(dirname "$0")/lib.sh"
USERS=${USERS:-50000}
SCALE=${SCALE:-300}
DASHBOARDS=${DASHBOARDS:-10}
scaled_ms() { echo $(( $1 / SCALE )); }
build
start_sandbox --precoro-users "$USERS" --netsuite-employees "$USERS" --latency-ms 20 \
  --precoro-rps "$SCALE" --precoro-hourly 1500 --precoro-daily 3000 --precoro-duplicate-window-ms "$(scaled_ms 60000)" \
  --precoro-user-changes-per-second "$(awk "BEGIN { print $USERS * 0.01 * $SCALE / 86400 }")"
CRON_SECONDS=$(( 900 / SCALE ))
start_hub "${UNTHROTTLED_CALLERS[@]}" \
  -Dtrestle.employee-sync.cron="*/$CRON_SECONDS * * * * ?" -Dtrestle.employee-sync.reconcile-cron=off \
  -Dtrestle.precoro.requests-per-second="$(awk "BEGIN { print 0.97 * $SCALE }")" \
  -Dtrestle.precoro.duplicate-window="$(scaled_ms 60000)ms" \
  -Dtrestle.employees.copy-fresh-for="$(scaled_ms 1200000)ms" \
  -Dtrestle.employee-sync.watermark-overlap="$(scaled_ms 120000)ms"
# 02:30 of the simulated day: the nightly reconcile (the client starts it at that moment).
client day "$USERS" "$SCALE" "$DASHBOARDS" 9000 "http://127.0.0.1:$SANDBOX_PORT"
