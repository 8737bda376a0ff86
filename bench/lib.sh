# Shared by the benchmark scripts: build once, start the sandbox and the hub as separate
# processes on loopback, stop them on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
APP_CP="target/quarkus-app/app/*:target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*"
SANDBOX_PORT=${SANDBOX_PORT:-18089}
HUB_PORT=${HUB_PORT:-18080}
RESULTS=bench/results
mkdir -p "$RESULTS"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

build() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src -newer target/quarkus-app/quarkus-run.jar -type f | head -n 1)" ]; then
    ./mvnw -q -B package -DskipTests
  fi
  TRESTLE_DATABASES=trestle_bench bash scripts/local-postgres.sh
  PGPASSWORD=trestle psql -q -h localhost -U trestle -d trestle_bench \
    -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
}

wait_for() { # url, log file
  for _ in $(seq 1 600); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.1
  done
  echo "did not come up: $1 (see $2)" >&2; tail -n 40 "$2" >&2; exit 1
}

start_sandbox() { # extra SandboxServer flags
  java -Xmx1g -cp "$APP_CP" dev.trestle.sandbox.SandboxServer --host 127.0.0.1 --port "$SANDBOX_PORT" "$@" \
    > "$RESULTS/sandbox.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do grep -q "SANDBOX READY" "$RESULTS/sandbox.log" && return 0; sleep 0.1; done
  echo "sandbox did not start" >&2; cat "$RESULTS/sandbox.log" >&2; exit 1
}

start_hub() { # extra JVM options; the hub runs its production build with a 256 MB heap cap
  local base="http://127.0.0.1:$SANDBOX_PORT/sandbox"
  env TRESTLE_DB_NAME=trestle_bench \
      TRESTLE_AUTH_ISSUER=https://trestle.dev/issuer \
      TRESTLE_AUTH_JWKS_URL=config/dev-keys/public-key.pem \
      TRESTLE_NETSUITE_BASE_URL="$base/netsuite" TRESTLE_NETSUITE_ACCOUNT_ID=TSTDRV1234567 \
      TRESTLE_NETSUITE_CONSUMER_KEY=sandbox-consumer-key TRESTLE_NETSUITE_CONSUMER_SECRET=sandbox-consumer-secret \
      TRESTLE_NETSUITE_TOKEN_ID=sandbox-token-id TRESTLE_NETSUITE_TOKEN_SECRET=sandbox-token-secret \
      TRESTLE_PROCORE_BASE_URL="$base/procore" TRESTLE_PROCORE_LOGIN_URL="$base/procore" \
      TRESTLE_PROCORE_CLIENT_ID=sandbox-procore-client-id TRESTLE_PROCORE_CLIENT_SECRET=sandbox-procore-client-secret \
      TRESTLE_PROCORE_COMPANY_ID=4264807 \
      TRESTLE_PRECORO_BASE_URL="$base/precoro" TRESTLE_PRECORO_API_TOKEN=sandbox-precoro-token \
      TRESTLE_PRECORO_EMAIL=integration@trestle.dev TRESTLE_EMPLOYEE_SYNC_CRON=off \
      java -Xmx256m "$@" -Dquarkus.http.port="$HUB_PORT" -Dquarkus.http.host=127.0.0.1 \
      -jar target/quarkus-app/quarkus-run.jar > "$RESULTS/hub.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$HUB_PORT/q/health/ready" "$RESULTS/hub.log"
}

client() { # BenchClient arguments
  java -cp "target/quarkus-app/lib/main/*" bench/src/BenchClient.java "http://127.0.0.1:$HUB_PORT" "$@"
}
