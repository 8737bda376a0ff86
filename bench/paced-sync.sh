#!/usr/bin/env bash
# The initial employee sync of USERS Precoro users (50,000) against the real Precoro pace: the
# sandbox and the hub with production's figures (one request a second, the duplicate-GET minute,
# 1,500 an hour), 20 ms latency. Prints the wall time against the paced bound, pages ÷ 1/s.
source "$(dirname "$0")/lib.sh"
USERS=${USERS:-50000}
build
start_sandbox --precoro-users "$USERS" --netsuite-employees "$USERS" --latency-ms 20 --precoro-rps 1 --precoro-hourly 1500 --precoro-daily 3000
start_hub
client paced "$USERS" "http://127.0.0.1:$SANDBOX_PORT"
