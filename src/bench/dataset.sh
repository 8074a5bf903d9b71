#!/usr/bin/env bash
# The data set for load figures (README, "Data set"): starts the built jar on a fresh embedded database (its
# migrations make the schema; at start it stores the module versions and the privacy notice), then fills the
# database with fi.askel.bench.DataSet and waits until the service has sealed the generated access-log events.
#
#   ./mvnw -B -q package -DskipTests && src/bench/dataset.sh                # scale 0.1, seed 42, then stops
#   SCALE=1 KEEP=1 src/bench/dataset.sh                                      # scale 1, leaves the service running
#   DB_URL=jdbc:mariadb://127.0.0.1:3306/askel DB_USER=askel DB_PASSWORD=… src/bench/dataset.sh
#                                                                            # a database the service has started on
#
# Environment: SCALE (0.1; 1 = 200 specialists, 5,000 clients), SEED (42), PREFIX (ds: accounts ds-s0001…,
# ds-c00001…, password Askel-dataset-2026!), SEAL_TIMEOUT (seconds to wait for sealing, 1800; 0 skips the wait),
# KEEP (1: leave the started service running on the data set and print how to reach and stop it), and those of
# service.sh (JAR, PORT, JAVA_OPTS…). The started service also has the demo accounts (askel.demo=true).
set -euo pipefail

SCALE=${SCALE:-0.1}
SEED=${SEED:-42}
PREFIX=${PREFIX:-ds}
SEAL_TIMEOUT=${SEAL_TIMEOUT:-1800}
CLASSPATH_APP='target/quarkus-app/lib/main/*:target/quarkus-app/app/*:target/quarkus-app/quarkus/generated-bytecode.jar'

if [[ -z "${DB_URL:-}" ]]; then
    # shellcheck source=src/bench/service.sh
    source "$(dirname "$0")/service.sh"
    [[ -n "$APP_PID" ]] || { echo "Set DB_URL (with DB_USER, DB_PASSWORD) to fill the database of a running instance" >&2; exit 2; }
    # the embedded server is the service's child process; its port is on its command line, its password in the data folder
    DB_PORT=$(ps -o args= --ppid "$APP_PID" | grep -o -- '--port=[0-9]*' | head -1 | cut -d= -f2)
    [[ -n "$DB_PORT" ]] || { echo "Cannot find the embedded database's port" >&2; exit 1; }
    DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/askel"
    DB_USER=askel
    DB_PASSWORD=$(cat "$DATA_DIR/db/db-password")
fi

WAIT=()
[[ "$SEAL_TIMEOUT" == 0 ]] || WAIT=(--wait-sealed "$SEAL_TIMEOUT")
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -cp "$CLASSPATH_APP" fi.askel.bench.DataSet --url "$DB_URL" --user "${DB_USER:-askel}" \
    --password "${DB_PASSWORD:-}" --scale "$SCALE" --seed "$SEED" --prefix "$PREFIX" "${WAIT[@]}"

if [[ "${KEEP:-0}" == 1 && -n "${APP_PID:-}" ]]; then
    trap - EXIT
    echo "The service runs on the data set: ASKEL_URL=$ASKEL_URL (pid $APP_PID, data in $DATA_DIR, database $DB_URL)." >&2
    echo "Stop it with: kill $APP_PID && rm -rf $DATA_DIR" >&2
fi
