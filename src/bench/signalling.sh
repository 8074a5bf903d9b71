#!/usr/bin/env bash
# The video-call signalling under load, for README ("Video calls"): PAIRS calls at once (a specialist and a client
# each, 2 × PAIRS WebSockets), every participant relaying MESSAGES ICE-candidate-sized messages INTERVAL_MS apart.
#
#   ./mvnw -B -q package -DskipTests && src/bench/signalling.sh     # starts the built jar with demo data
#   ASKEL_URL=http://localhost:8080 ASKEL_PID=<its pid> src/bench/signalling.sh   # or a running instance with demo data
#
# Environment: PAIRS (default 50), MESSAGES (100), INTERVAL_MS (20); JAR, PORT, START_TIMEOUT, JAVA_OPTS as in
# service.sh. Needs a JDK 17 (the load program, src/bench/signalling/, uses only the JDK; compiled here) and curl.
# The calls are set up over the API as people would (demo-admin creates the accounts; see signalling/Calls.java),
# so the instance needs askel.demo=true. Prints what the program measured (messages/s, relay latency p50/p99,
# errors) and the service's memory: resident set (RSS) of the Java process before the calls, its highest during
# them and after, and of the embedded MariaDB it started (a separate process), sampled every half second.
# Exits non-zero when any message was lost, misrouted or answered with an error.
set -euo pipefail
cd "$(dirname "$0")/../.."

PAIRS=${PAIRS:-50}
MESSAGES=${MESSAGES:-100}
INTERVAL_MS=${INTERVAL_MS:-20}

# shellcheck source=src/bench/service.sh
source src/bench/service.sh
PID=${APP_PID:-${ASKEL_PID:-}}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
database_pid() { [[ -n "$PID" ]] && pgrep -P "$PID" -x mariadbd | head -1 || true; }
mb() { echo $(( $1 / 1024 )); }

BEFORE=0
[[ -n "$PID" ]] && BEFORE=$(rss_kb "$PID")
PEAK_FILE=$(mktemp)
echo 0 >"$PEAK_FILE"
SAMPLER=""
if [[ -n "$PID" ]]; then
    ( peak=0; while kill -0 "$PID" 2>/dev/null; do
        now=$(rss_kb "$PID"); (( now > peak )) && { peak=$now; echo "$peak" >"$PEAK_FILE"; }; sleep 0.5
      done ) &
    SAMPLER=$!
fi

status=0
CLASSES=$(mktemp -d)
javac -d "$CLASSES" src/bench/signalling/*.java
java -cp "$CLASSES" -Dpairs="$PAIRS" -Dmessages="$MESSAGES" -DintervalMs="$INTERVAL_MS" signalling.SignallingLoad "$ASKEL_URL" \
    || status=$?
rm -rf "$CLASSES"

if [[ -n "$SAMPLER" ]]; then
    kill "$SAMPLER" 2>/dev/null || true
    wait "$SAMPLER" 2>/dev/null || true
    AFTER=$(rss_kb "$PID")
    DB=$(database_pid)
    printf '  service RSS (Java process): %s MB before the calls, %s MB at most during them, %s MB after' \
        "$(mb "$BEFORE")" "$(mb "$(cat "$PEAK_FILE")")" "$(mb "$AFTER")"
    [[ -n "$DB" ]] && printf '; embedded MariaDB %s MB' "$(mb "$(rss_kb "$DB")")"
    printf '\n'
else
    echo "  service RSS: not measured (set ASKEL_PID to the service's process id)"
fi
echo "  $(nproc) cores, $(date -u +%FT%TZ)"
rm -f "$PEAK_FILE"
exit "$status"
