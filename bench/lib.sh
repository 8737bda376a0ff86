# Shared by the benchmark scripts: build once, start the sandbox and the hub as separate
# processes on loopback, stop them on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# The sandbox is not in the hub's production build: it runs from its own module's jar and
# the dependencies its build copies to sandbox/target/lib.
SANDBOX_CP="sandbox/target/trestle-sandbox-0.1.0-SNAPSHOT.jar:sandbox/target/lib/*"
SANDBOX_PORT=${SANDBOX_PORT:-18089}
HUB_PORT=${HUB_PORT:-18080}
# Scratch database, wiped at every run: give concurrent runs their own (BENCH_DB=...).
BENCH_DB=${BENCH_DB:-trestle_bench}
# Absolute, so the logs land in the same place whatever directory a script is started from.
RESULTS=${BENCH_RESULTS:-$ROOT/bench/results}
mkdir -p "$RESULTS"
PIDS=()
cleanup() { for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# A port already taken would make the readiness checks below answer for someone else's
# process, so refuse to start instead of measuring the wrong hub or sandbox.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$SANDBOX_PORT" "$HUB_PORT"; do
  if ! port_free "$port"; then
    echo "port $port is in use on 127.0.0.1; pick others with SANDBOX_PORT / HUB_PORT" >&2; exit 1
  fi
done
if [ "$SANDBOX_PORT" = "$HUB_PORT" ]; then echo "SANDBOX_PORT and HUB_PORT must differ" >&2; exit 1; fi

build() {
  # The sandbox module first (why: scripts/sandbox-module.sh): the hub's build resolves it from
  # the local repository, and start_sandbox runs it from sandbox/target.
  if [ ! -f sandbox/target/trestle-sandbox-0.1.0-SNAPSHOT.jar ] || [ ! -d sandbox/target/lib ] \
     || [ -n "$(find sandbox/src sandbox/pom.xml -newer sandbox/target/trestle-sandbox-0.1.0-SNAPSHOT.jar -type f | head -n 1)" ]; then
    bash scripts/sandbox-module.sh
  fi
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -type f | head -n 1)" ]; then
    ./mvnw -q -B package -DskipTests
  fi
  TRESTLE_DATABASES="$BENCH_DB" bash scripts/local-postgres.sh
  PGPASSWORD=trestle psql -q -h localhost -U trestle -d "$BENCH_DB" \
    -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
}

wait_for() { # url, log file, pid of the process that must answer
  for _ in $(seq 1 600); do
    if ! kill -0 "$3" 2>/dev/null; then echo "exited before it came up: $1 (see $2)" >&2; tail -n 40 "$2" >&2; exit 1; fi
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.1
  done
  echo "did not come up: $1 (see $2)" >&2; tail -n 40 "$2" >&2; exit 1
}

start_sandbox() { # extra SandboxServer flags
  # shellcheck disable=SC2086 # SANDBOX_JAVA_OPTS is a list of JVM options (e.g. a JFR recording)
  java -Xmx1g ${SANDBOX_JAVA_OPTS:-} -cp "$SANDBOX_CP" dev.trestle.sandbox.SandboxServer --host 127.0.0.1 --port "$SANDBOX_PORT" "$@" \
    > "$RESULTS/sandbox.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 600); do
    grep -q "SANDBOX READY" "$RESULTS/sandbox.log" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "sandbox did not start" >&2; cat "$RESULTS/sandbox.log" >&2; exit 1
}

# shellcheck disable=SC2086 # HUB_JAVA_OPTS is a list of JVM options (e.g. a JFR recording)
start_hub() { # extra JVM options; the hub runs its production build with a 256 MB heap cap
  # and, as in production (Dockerfile.jvm, k8s/base), exits on out of memory: a run that needs
  # more heap than the cap fails loudly instead of measuring a hub that lost its threads.
  local base="http://127.0.0.1:$SANDBOX_PORT/sandbox"
  env TRESTLE_DB_NAME="$BENCH_DB" \
      TRESTLE_AUTH_ISSUER=https://trestle.dev/issuer \
      TRESTLE_AUTH_JWKS_URL=config/dev-keys/public-key.pem TRESTLE_AUTH_AUDIENCE=trestle \
      TRESTLE_NETSUITE_BASE_URL="$base/netsuite" TRESTLE_NETSUITE_ACCOUNT_ID=TSTDRV1234567 \
      TRESTLE_NETSUITE_CONSUMER_KEY=sandbox-consumer-key TRESTLE_NETSUITE_CONSUMER_SECRET=sandbox-consumer-secret \
      TRESTLE_NETSUITE_TOKEN_ID=sandbox-token-id TRESTLE_NETSUITE_TOKEN_SECRET=sandbox-token-secret \
      TRESTLE_NETSUITE_SUBSIDIARY_ID=1 TRESTLE_NETSUITE_PROJECT_PARENT_ID=1500 TRESTLE_NETSUITE_COST_CODE_EXPENSE_ACCOUNT_ID=58 TRESTLE_BILLS_RETAINAGE_ACCOUNT_ID=27 \
      TRESTLE_PROCORE_BASE_URL="$base/procore" TRESTLE_PROCORE_LOGIN_URL="$base/procore" \
      TRESTLE_PROCORE_CLIENT_ID=sandbox-procore-client-id TRESTLE_PROCORE_CLIENT_SECRET=sandbox-procore-client-secret \
      TRESTLE_PRECORO_WEBHOOK_TOKEN=sandbox-precoro-webhook-token \
      TRESTLE_PROCORE_COMPANY_ID=4264807 \
      TRESTLE_PRECORO_BASE_URL="$base/precoro" TRESTLE_PRECORO_API_TOKEN=sandbox-precoro-token \
      TRESTLE_PRECORO_EMAIL=integration@trestle.dev TRESTLE_EMPLOYEE_SYNC_CRON=off \
      java -Xmx256m -XX:+ExitOnOutOfMemoryError ${HUB_JAVA_OPTS:-} "$@" -Dquarkus.http.port="$HUB_PORT" -Dquarkus.http.host=127.0.0.1 \
      -jar target/quarkus-app/quarkus-run.jar > "$RESULTS/hub.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  wait_for "http://127.0.0.1:$HUB_PORT/q/health/ready" "$RESULTS/hub.log" "$pid"
}

# A benchmark client drives the API far faster than a person, as one caller: pass these to
# start_hub where the per-caller limits are not what is measured.
UNTHROTTLED_CALLERS=(-Dtrestle.graphql.callers.operations-per-second=100000 -Dtrestle.graphql.callers.burst=100000
  -Dtrestle.graphql.callers.concurrent=64)

# The sandbox runs with the real services' limits. The synthetic benchmarks measure latency and
# concurrency alone: they lift the sandbox's request limits (Precoro's pace, budgets and duplicate
# minute; Procore's hourly and spike windows and its overload answer) with SYNTHETIC_SANDBOX, and
# pass SYNTHETIC_BUDGETS so that the hub's pacing and request budgets (trestle.*.budget) match.
SYNTHETIC_SANDBOX=(--precoro-rps 100000 --precoro-hourly 100000000 --precoro-daily 100000000
  --precoro-duplicate-window-ms 0 --procore-hourly 100000000 --procore-spike 0 --procore-overload-concurrency 0)
SYNTHETIC_BUDGETS=(-Dtrestle.procore.budget.per-hour=100000000 -Dtrestle.procore.budget.spike-limit=0
  -Dtrestle.precoro.budget.per-hour=100000000 -Dtrestle.precoro.budget.per-day=100000000
  -Dtrestle.precoro.requests-per-second=0 -Dtrestle.precoro.duplicate-window=0s)

client() { # BenchClient arguments
  java -cp "target/quarkus-app/lib/main/*" bench/src/BenchClient.java "http://127.0.0.1:$HUB_PORT" "$@"
}
