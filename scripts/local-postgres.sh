#!/usr/bin/env bash
# Makes sure a local PostgreSQL is running and holds the role and databases that the dev
# and test profiles expect (see application.properties). Safe to run again and again.
#
# Uses Debian's PostgreSQL cluster: the server refuses to run as root, so it runs as the
# `postgres` user and we talk to it over TCP with a password (scram-sha-256).
# Without root (a developer's own machine) it only checks that the server answers and
# expects the role and databases to exist already (see README, "Database").
set -euo pipefail

DB_USER=${TRESTLE_DB_USER:-trestle}
DB_PASSWORD=${TRESTLE_DB_PASSWORD:-trestle}
DATABASES=${TRESTLE_DATABASES:-"trestle trestle_test trestle_it"}

say() { echo "[local-postgres] $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  if pg_isready -q -h localhost; then exit 0; fi
  say "PostgreSQL is not answering on localhost:5432 and this script needs root to start it."
  exit 1
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  say "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

# The newest installed cluster; create one if the package left none.
cluster=$(pg_lsclusters --no-header 2>/dev/null | sort -k1,1V | tail -n 1 || true)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_createcluster "$version" main >/dev/null
  cluster=$(pg_lsclusters --no-header | tail -n 1)
fi
version=$(echo "$cluster" | awk '{print $1}')
name=$(echo "$cluster" | awk '{print $2}')
status=$(echo "$cluster" | awk '{print $4}')
if [ "$status" != "online" ]; then
  say "starting cluster $version/$name"
  pg_ctlcluster "$version" "$name" start
fi
for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA $*"; }

if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'\"")" != "1" ]; then
  say "creating role $DB_USER"
  psql_admin "-c \"CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'\""
fi
for db in $DATABASES; do
  if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$db'\"")" != "1" ]; then
    say "creating database $db"
    psql_admin "-c \"CREATE DATABASE $db OWNER $DB_USER\""
  fi
done
