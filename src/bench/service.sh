# Sourced by the bench scripts: starts the built jar with demo data on a fresh data folder, unless ASKEL_URL names
# a running instance, and stops it (only the process started here, by its PID) when the script exits.
# Sets ASKEL_URL, and APP_PID when it started the service. Environment: JAR (default
# target/quarkus-app/quarkus-run.jar), PORT (18080), MANAGEMENT_PORT (PORT+1), START_TIMEOUT (seconds, 300),
# JAVA_OPTS (options for the started JVM; unset, the systemd unit's own, src/deb/askel.service, so that the figures
# are the installed service's).

JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
PORT=${PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1))}
START_TIMEOUT=${START_TIMEOUT:-300}
APP_PID=""
if [[ -z "${JAVA_OPTS+set}" ]]; then
    JAVA_OPTS=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../deb/askel.service")
fi
DATA_DIR=""

stop_service() {
    if [[ -n "$APP_PID" ]]; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    if [[ -n "$DATA_DIR" ]]; then
        cp "$DATA_DIR/app.log" /tmp/askel-bench-app.log 2>/dev/null || true # kept for a look after the run
        rm -rf "$DATA_DIR"
    fi
}
trap stop_service EXIT

if [[ -z "${ASKEL_URL:-}" ]]; then
    [[ -f "$JAR" ]] || { echo "No $JAR: build it first (./mvnw -B -q package -DskipTests)" >&2; exit 2; }
    DATA_DIR=$(mktemp -d /tmp/askel-bench.XXXXXX)
    echo "Starting $JAR with demo data in $DATA_DIR on port $PORT" >&2
    # the packaged jar runs in production mode: health answers on the management port, and mail is mocked
    # because the bench has no SMTP server (the demo's reminders would otherwise retry and log every minute)
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    java ${JAVA_OPTS:-} -Daskel.demo=true -Daskel.data-dir="$DATA_DIR" -Dquarkus.http.port="$PORT" \
        -Dquarkus.management.port="$MANAGEMENT_PORT" -Dquarkus.mailer.mock=true \
        -Dquarkus.log.console.json.enabled=false -Dquarkus.log.level=WARN -jar "$JAR" >"$DATA_DIR/app.log" 2>&1 &
    APP_PID=$!
    ASKEL_URL="http://localhost:$PORT"
    READY_URL="http://localhost:$MANAGEMENT_PORT/q/health/ready"
    for _ in $(seq 1 "$START_TIMEOUT"); do
        curl -fs "$READY_URL" >/dev/null 2>&1 && break
        kill -0 "$APP_PID" 2>/dev/null || { echo "The service did not start:" >&2; tail -50 "$DATA_DIR/app.log" >&2; exit 1; }
        sleep 1
    done
    curl -fs "$READY_URL" >/dev/null || { echo "Not ready after $START_TIMEOUT s" >&2; exit 1; }
fi
