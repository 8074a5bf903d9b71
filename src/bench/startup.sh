#!/usr/bin/env bash
# Start-up time and memory (issue 12): the packaged service against a database that is already running, as in
# production (the embedded database would add its own start). Starts Debian's mariadbd in a folder of its own
# (src/ops/private-mariadb.sh), creates the database and the two accounts as OPERATIONS.md does, then starts the jar
# RUNS times: the first start migrates the empty database, the later ones are restarts of a service with data.
# Reports each start (process start → /q/health/ready on the management port), the resident memory (VmRSS) after
# a minute of load from wrk on the client's dashboard and GET /api/v1/me, and writes target/startup.json.
#
#   ./mvnw -B -q package -DskipTests && src/bench/startup.sh
#
# Environment: RUNS (3), HEAP (the -Xmx of the service, 256m), JAVA_OPTS (more JVM options, e.g. -XX:+UseSerialGC), LOAD_SECONDS (60), PORT (18090; management PORT+1,
# database PORT+2), DEMO (askel.demo of the restarts, true; the first start always writes the demo data), CDS=1 (the first start writes a class-data archive of every class it loaded when it stops,
# -XX:ArchiveClassesAtExit, and the restarts map it, -XX:SharedArchiveFile: README, "Start-up and memory").
# Needs mariadb-server and mariadb-client (Debian), wrk, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}; HEAP=${HEAP:-256m}; LOAD_SECONDS=${LOAD_SECONDS:-60}
PORT=${PORT:-18090}; MPORT=$((PORT + 1)); DBPORT=$((PORT + 2))
JAR=target/quarkus-app/quarkus-run.jar
[[ -f $JAR ]] || { echo "No $JAR: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
WORK=$(mktemp -d /tmp/askel-startup.XXXXXX)
APP_PID=""
cleanup() {
  [[ -z $APP_PID ]] || { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
  src/ops/private-mariadb.sh stop "$WORK/db" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
src/ops/private-mariadb.sh start "$WORK/db" "$DBPORT" >&2
mariadb --no-defaults -S "$WORK/db/mariadb.sock" -uroot -e "
  CREATE DATABASE askel CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER 'askel_owner'@'127.0.0.1' IDENTIFIED BY 'owner-pw';
  GRANT ALL PRIVILEGES ON askel.* TO 'askel_owner'@'127.0.0.1' WITH GRANT OPTION;
  CREATE USER 'askel_app'@'127.0.0.1' IDENTIFIED BY 'app-pw';"

start() { # sets MS: milliseconds from process start to ready (no subshell: APP_PID must stay set)
  local t0 t1 cds=""
  if [[ ${CDS:-0} == 1 ]]; then
    if [[ -f $WORK/askel.jsa ]]; then cds="-XX:SharedArchiveFile=$WORK/askel.jsa"; else cds="-XX:ArchiveClassesAtExit=$WORK/askel.jsa"; fi
  fi
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java -Xmx"$HEAP" ${JAVA_OPTS:-} $cds -XX:+ExitOnOutOfMemoryError -Daskel.demo="$1" -Daskel.data-dir="$WORK/data" \
    -Daskel.embedded-db.enabled=false -Dquarkus.datasource.jdbc.url="jdbc:mariadb://127.0.0.1:$DBPORT/askel" \
    -Dquarkus.datasource.username=askel_app -Dquarkus.datasource.password=app-pw \
    -Dquarkus.flyway.username=askel_owner -Dquarkus.flyway.password=owner-pw -Daskel.db.runtime-host=127.0.0.1 \
    -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MPORT" -Dquarkus.mailer.mock=true \
    -Dquarkus.log.console.json.enabled=false -Dquarkus.log.level=WARN -jar "$JAR" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 3000); do
    if curl -fs "http://127.0.0.1:$MPORT/q/health/ready" >/dev/null 2>&1; then
      t1=$(date +%s%N); MS=$(( (t1 - t0) / 1000000 )); return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log" >&2; return 1; }
    sleep 0.02
  done
  return 1
}
stop() { # the JVM writes a class-data archive (CDS=1, first start) while it stops
  local t0; t0=$(date +%s%N)
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  if [[ ${CDS:-0} == 1 && -f $WORK/askel.jsa && -z ${CDS_REPORTED:-} ]]; then
    CDS_REPORTED=1
    echo "class-data archive written while stopping ($(( ($(date +%s%N) - t0) / 1000000 )) ms to stop): $(( $(stat -c %s "$WORK/askel.jsa") / 1048576 )) MB" >&2
  fi
}

starts=()
for i in $(seq 1 "$RUNS"); do
  if [[ $i == 1 ]]; then start true; else start "${DEMO:-true}"; fi; starts+=("$MS")
  # The load average shows when another process shared the cores (a noisy figure).
  echo "start $i: ${MS} ms to ready$([[ $i == 1 ]] && echo ' (migrates the empty database, writes the demo data)') (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
  [[ $i == "$RUNS" ]] || stop
done

token=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"demo-client","password":"demo-password-2026"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
half=$(( LOAD_SECONDS / 2 ))
rate() { awk '/Requests\/sec/ {printf "%.0f", $2}'; }
me_rps=$(wrk -t2 -c64 -d"${half}s" -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/me" | rate)
home_rps=$(wrk -t2 -c64 -d"${half}s" -H "Cookie: askel_token=$token" "http://127.0.0.1:$PORT/" | rate)
echo "under that load (cold, so lower than bench.sh's): GET /api/v1/me ${me_rps} req/s, client dashboard ${home_rps} req/s" >&2
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status")
hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status")
echo "resident memory after ${LOAD_SECONDS} s of load at 64 connections: $((rss_kb / 1024)) MB (peak $((hwm_kb / 1024)) MB), -Xmx$HEAP" >&2
mkdir -p target
printf '{"date":"%s","cores":%s,"heap":"%s","javaOpts":"%s","cds":%s,"startsMs":[%s],"rssMb":%s,"peakRssMb":%s,"loadSeconds":%s,"meRps":%s,"dashboardRps":%s}\n' \
  "$(date -u +%FT%TZ)" "$(nproc)" "$HEAP" "${JAVA_OPTS:-}" "$([[ ${CDS:-0} == 1 ]] && echo true || echo false)" "$(IFS=,; echo "${starts[*]}")" $((rss_kb / 1024)) $((hwm_kb / 1024)) "$LOAD_SECONDS" \
  "${me_rps:-0}" "${home_rps:-0}" \
  | tee target/startup.json
