#!/usr/bin/env bash
# Builds the sandbox module (sandbox/pom.xml) and installs it into the local Maven repository,
# where the hub's build finds it (dependency dev.trestle:trestle-sandbox, scope provided: dev
# mode and tests have it, the production build does not).
#
# Why a step of its own: the root pom is the hub application (packaging jar), and Maven lets
# only a pom-packaged project aggregate modules. Building the module from inside the hub's
# build does not work either: the plugins that could start it early (exec, antrun) make Maven
# resolve the hub's dependencies first, which fails on a fresh clone where the sandbox is in no
# repository yet, and quarkus:dev resolves them before any phase runs. So scripts/dev,
# scripts/test and bench/lib.sh call this first; it runs again on every call, so the installed
# sandbox is always this worktree's. After changing sandbox/ by hand, run it (or one of those)
# before a plain ./mvnw in the root.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -f sandbox/pom.xml install
