#!/usr/bin/env bash
# Load figures for README ("Capacity"): the pages a provider's morning hits, at 64 and 256 connections.
#
#   ./mvnw -B -q package -DskipTests && src/bench/bench.sh          # starts the built jar with demo data
#   ASKEL_URL=http://localhost:8080 src/bench/bench.sh               # or measures a running instance with demo data
#
# Environment: DURATION (seconds per run, default 10), WARMUP (seconds spread over the pages before measuring,
# default 600, 2 minutes a page: on 2 cores the JIT compiler takes minutes to reach steady state, and a service that
# has run for a while is past it; with 30 s a page the client page still cost twice its steady Java CPU),
# CONNECTIONS (default "64 256"), THREADS (wrk threads, 2), THINK_MS (the second table's average pause after each
# answer, default 1000; 0 leaves that table out),
# JAR (default target/quarkus-app/quarkus-run.jar), PORT (for the started jar, 18080), START_TIMEOUT (seconds, 300),
# JAVA_OPTS (the started JVM's options; unset, those of the systemd unit, src/deb/askel.service).
# Needs wrk (apt-get install wrk), curl and python3. Signs in as demo-specialist (with a TOTP code computed
# from the published demo secret) and demo-client, then runs wrk once per page and connection count and prints
# requests/s, p50, p99 and errors, and each page's requests/s as a share of GET /api/v1/me in the same run; then
# the same pages and connections with a pause after each answer (people reading), for how quickly they answer.
set -euo pipefail

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-600}
CONNECTIONS=${CONNECTIONS:-"64 256"}
export THINK_MS=${THINK_MS:-1000}
THREADS=${THREADS:-2}
PASSWORD=demo-password-2026
DEMO_TOTP_SECRET=JBSWY3DPEHPK3PXP

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

# shellcheck source=src/bench/service.sh
source "$(dirname "$0")/service.sh"

totp() {
    python3 - "$DEMO_TOTP_SECRET" <<'EOF'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
offset = digest[-1] & 0x0F
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
EOF
}

header_of() { [[ $1 == bearer:* ]] && echo "Authorization: Bearer ${1#bearer:}" || echo "Cookie: askel_token=${1#cookie:}"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d}))" "$1"; }

login() { # username [totp]
    local body
    if [[ $# -gt 1 ]]; then
        body=$(printf '{"username":"%s","password":"%s","totp":"%s"}' "$1" "$PASSWORD" "$2")
    else
        body=$(printf '{"username":"%s","password":"%s"}' "$1" "$PASSWORD")
    fi
    curl -fs -H 'Content-Type: application/json' -d "$body" "$ASKEL_URL/api/v1/auth/login" | json "d['token']"
}

SPECIALIST=$(login demo-specialist "$(totp)")
CLIENT=$(login demo-client)
CLIENT_ID=$(curl -fs -H "Authorization: Bearer $CLIENT" "$ASKEL_URL/api/v1/me" | json "d['id']")
GROUP_ID=$(curl -fs -H "Authorization: Bearer $CLIENT" "$ASKEL_URL/api/v1/groups" | json "d[0]['id']")
THREAD_ID=$(curl -fs -H "Authorization: Bearer $CLIENT" "$ASKEL_URL/api/v1/groups/$GROUP_ID/threads" | json "d['items'][0]['id']")

# name|path|token (pages carry the token as the browser does, in the cookie; the API as a Bearer token)
TARGETS=(
    "GET /api/v1/me (trivial, client)|/api/v1/me|bearer:$CLIENT"
    "specialist dashboard|/|cookie:$SPECIALIST"
    "specialist: client page|/clients/$CLIENT_ID|cookie:$SPECIALIST"
    "client dashboard|/|cookie:$CLIENT"
    "thread page (client)|/threads/$THREAD_ID|cookie:$CLIENT"
)

for target in "${TARGETS[@]}"; do # every page answers 200 before it is measured
    IFS='|' read -r name path auth <<<"$target"
    header=$(header_of "$auth")
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$ASKEL_URL$path")
    [[ $code == 200 ]] || { echo "$name ($path) answered $code before the run" >&2; exit 1; }
done

if (( WARMUP > 0 )); then
    echo "Warming up for ${WARMUP} s (not measured)" >&2
    for target in "${TARGETS[@]}"; do
        IFS='|' read -r name path auth <<<"$target"
        header=$(header_of "$auth")
        wrk -t"$THREADS" -c32 -d"$(( WARMUP / ${#TARGETS[@]} ))s" -H "$header" "$ASKEL_URL$path" >/dev/null 2>&1
    done
fi

# run name path header conns [wrk options…]: prints one line of the table, sets RPS
run() {
    local name=$1 path=$2 header=$3 conns=$4 out p50 p99 non2xx socket timeouts errors
    shift 4
    out=$(wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --timeout 10s --latency "$@" -H "$header" "$ASKEL_URL$path" 2>&1)
    RPS=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    if [[ -z "$RPS" ]]; then
        printf '%-34s %6s  wrk failed: %s\n' "$name" "$conns" "$(head -3 <<<"$out" | tr '\n' ' ')"
        return
    fi
    p50=$(ms "50%" <<<"$out"); p99=$(ms "99%" <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
    socket=$(awk -F'[ ,]+' '/Socket errors:/ {print $4+$6+$8}' <<<"$out")
    timeouts=$(awk -F'[ ,]+' '/Socket errors:/ {print $10}' <<<"$out")
    errors="$(( ${non2xx:-0} + ${socket:-0} + ${timeouts:-0} ))"
    [[ $errors == 0 ]] || errors="$errors (${non2xx:-0} non-2xx/3xx, ${socket:-0} socket, ${timeouts:-0} timeouts)"
    LINE=$(printf '%-34s %6s %10s %8s %8s' "$name" "$conns" "$RPS" "$p50" "$p99")
    ERRORS=$errors
}
ms() { # wrk's latency percentile line → milliseconds
    awk -v q="$1" '$1 == q {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.1f", v}'
}

echo "Askel bench: $ASKEL_URL, wrk -t$THREADS -d${DURATION}s after ${WARMUP} s of warm-up, $(nproc) cores, $(date -u +%FT%TZ)"
echo
echo "1. As many requests as the service answers: every connection asks again the moment its answer arrives."
printf '%-34s %6s %10s %8s %8s %8s  %s\n' "page" "conns" "req/s" "p50 ms" "p99 ms" "vs me" "errors"
for conns in $CONNECTIONS; do
    trivial=""
    for target in "${TARGETS[@]}"; do
        IFS='|' read -r name path auth <<<"$target"
        run "$name" "$path" "$(header_of "$auth")" "$conns"
        [[ -n "$RPS" ]] || continue
        if [[ -z "$trivial" ]]; then
            trivial=$RPS
            share="100 %"
        else
            share=$(python3 -c "print('%.0f %%' % (100 * float('$RPS') / float('$trivial')))")
        fi
        printf '%s %8s  %s\n' "$LINE" "$share" "$ERRORS"
    done
done
if [[ $THINK_MS != 0 ]]; then
    echo
    echo "2. People: each connection waits ${THINK_MS} ms on average after each answer before asking again (src/bench/paced.lua)."
    printf '%-34s %6s %10s %8s %8s  %s\n' "page" "conns" "req/s" "p50 ms" "p99 ms" "errors"
    for conns in $CONNECTIONS; do
        for target in "${TARGETS[@]}"; do
            IFS='|' read -r name path auth <<<"$target"
            run "$name" "$path" "$(header_of "$auth")" "$conns" -s "$(dirname "$0")/paced.lua"
            [[ -z "$RPS" ]] || printf '%s  %s\n' "$LINE" "$ERRORS"
        done
    done
fi
