#!/usr/bin/env bash
# The production shape on one machine, on loopback ports, and what happens when parts of it die (OPERATIONS.md,
# "Several instances and Galera"): a 3-node MariaDB Galera cluster (Debian's mariadb-server + galera-4), two
# Askel instances (the packaged jar), HAProxy in front of both (HTTP, checking each instance's readiness) and of
# the cluster (TCP, one writer at a time, only to a Synced node). Then, under steady load through HAProxy
# (wrk: peer posts, step-answer saves, a specialist reading a client's page), it kills the writing database
# node, then one Askel instance, brings both back, and checks that every acknowledged write is in the database,
# how long errors lasted, that both rejoin, and that the access log's chain is whole and unforked.
#
#   ./mvnw -B -q package -DskipTests && src/bench/cluster.sh           # about 4 minutes: 100 s of load
#   src/bench/cluster.sh --quick                                       # for CI: the same checks, 45 s of load (~4 min here)
#
# Needs (Debian): mariadb-server galera-4 haproxy wrk rsync curl python3, and a JDK 17. Without them it says
# SKIPPED and exits 77. Never touches the system's MariaDB: each node has its own datadir, ports and PID file
# under WORK, and only processes this script started are stopped (by PID).
# Environment: WORK (default target/cluster, wiped first), BASE_PORT (default 34000: uses BASE_PORT+1 … +99),
# JAR (default target/quarkus-app/quarkus-run.jar), HEAP (default 256m per instance), KEEP=1 leaves everything
# running at the end (stop with: src/bench/cluster.sh --stop).
# Results: printed, and written as JSON to $WORK/result.json; logs of every process in $WORK, and each failed
# answer (headers and body) in load-<kind>-<thread>-errors.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
MODE=full
case "${1:-}" in
  --quick) MODE=quick ;;
  --stop) MODE=stop ;;
  "") ;;
  *) echo "usage: $0 [--quick|--stop]" >&2; exit 2 ;;
esac
WORK=$(realpath -m "${WORK:-target/cluster}")
BASE=${BASE_PORT:-34000}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
HEAP=${HEAP:-256m}
PATH=$PATH:/usr/sbin
GALERA_LIB=/usr/lib/galera/libgalera_smm.so
if [ "$MODE" = quick ]; then
  LOAD=45 KILL_DB_AT=8 KILL_APP_AT=20 DB_BACK_AT=26 APP_BACK_AT=28
else
  LOAD=100 KILL_DB_AT=20 KILL_APP_AT=45 DB_BACK_AT=60 APP_BACK_AT=65
fi

# ---- ports: db node i: BASE+10+i (SQL), +20+i (group), +30+i (IST), +40+i (SST); Askel a/b: BASE+81/82,
# management BASE+91/92; HAProxy: BASE+80 (people), BASE+50 (database)
db_port() { echo $((BASE + 10 + $1)); }
FRONT=$((BASE + 80)); DB_PROXY=$((BASE + 50))
declare -A HTTP_PORT=([a]=$((BASE + 81)) [b]=$((BASE + 82))) MGMT_PORT=([a]=$((BASE + 91)) [b]=$((BASE + 92)))
OWNER_PW=cluster-owner-pw APP_PW=cluster-app-pw PASSWORD=demo-password-2026 DEMO_TOTP_SECRET=JBSWY3DPEHPK3PXP
T0=$(date +%s)
say() { printf '[%4ss] %s\n' $(($(date +%s) - T0)) "$*"; }
fail() { say "FAILED: $*"; FAILED=1; }
FAILED=0

pid_of() { cat "$WORK/$1.pid" 2>/dev/null || true; }
stop_pid() { # name: stops a process this script started (PID file in WORK), waits for it
  local pid; pid=$(pid_of "$1")
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$WORK/$1.pid"
}
stop_all() {
  for p in load-posts load-answers load-reads askel-a askel-b haproxy db3 db2 db1; do stop_pid "$p"; done
}
if [ "$MODE" = stop ]; then stop_all; exit 0; fi

missing=()
command -v mariadbd >/dev/null || missing+=(mariadb-server)
[ -f "$GALERA_LIB" ] || missing+=(galera-4)
for tool in haproxy wrk rsync; do command -v $tool >/dev/null || missing+=($tool); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "SKIPPED: the cluster test needs Debian's ${missing[*]} (apt-get install -y mariadb-server galera-4 haproxy wrk rsync)"
  exit 77
fi
[ -f "$JAR" ] || { echo "No $JAR: build it first (./mvnw -B -q package -DskipTests)" >&2; exit 2; }
stop_all
rm -rf "$WORK"; mkdir -p "$WORK/checkpoints"
trap '[ "${KEEP:-}" = 1 ] || stop_all' EXIT

# ---- the Galera cluster ---------------------------------------------------------------------------------
GCOMM="gcomm://127.0.0.1:$((BASE + 21)),127.0.0.1:$((BASE + 22)),127.0.0.1:$((BASE + 23))"
db_start() { # node [--wsrep-new-cluster]: started as src/ops/private-mariadb.sh does, plus the wsrep settings
  local i=$1 d="$WORK/db$1"; shift
  mkdir -p "$d/data" "$d/tmp"
  # as root, the nodes run as Debian's mysql user: the rsync state transfer's daemon would otherwise write as nobody
  local user_args=(); [ "$(id -u)" = 0 ] && user_args=(--user=mysql) && chown -R mysql:mysql "$d"
  if [ "$i" = 1 ] && [ ! -d "$d/data/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$d/data" --auth-root-authentication-method=socket --skip-test-db \
      "${user_args[@]}" >"$d/install.log" 2>&1
  fi
  local args=(--no-defaults --datadir="$d/data" --tmpdir="$d/tmp" --socket="$d/mariadb.sock" --port="$(db_port "$i")"
    --bind-address=127.0.0.1 --pid-file="$d/mariadbd.pid"
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=64M
    --skip-name-resolve "${user_args[@]}"
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2
    --wsrep-on=ON --wsrep-provider="$GALERA_LIB" --wsrep-cluster-name=askel-bench --wsrep-cluster-address="$GCOMM"
    --wsrep-node-name="db$i" --wsrep-node-address="127.0.0.1:$((BASE + 20 + i))"
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$((BASE + 20 + i));ist.recv_addr=127.0.0.1:$((BASE + 30 + i));gcache.size=128M"
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$((BASE + 40 + i))"
    --wsrep-mode=REQUIRED_PRIMARY_KEY,STRICT_REPLICATION)
  if [ -f "$d/data/grastate.dat" ]; then
    # after a crash: find the last committed position in InnoDB first (what Debian's unit does with
    # galera_recovery), so the node catches up by IST from a donor's cache instead of a full copy (SST)
    mariadbd "${args[@]}" --log-error="$d/recover.log" --wsrep-recover >/dev/null 2>&1 || true
    local pos; pos=$(sed -n 's/.*WSREP: Recovered position: *//p' "$d/recover.log" | tail -1)
    [ -z "$pos" ] || args+=(--wsrep-start-position="$pos")
  fi
  ( exec mariadbd "${args[@]}" --log-error="$d/error.log" "$@" >>"$d/stdout.log" 2>&1 & echo $! >"$WORK/db$i.pid" )
}
db_sql() { mariadb --no-defaults -S "$WORK/db$1/mariadb.sock" -uroot -N -B -e "$2"; }
db_state() { db_sql "$1" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='wsrep_local_state_comment'" 2>/dev/null || echo down; }
wait_synced() { # node timeout
  for _ in $(seq 1 "$2"); do
    [ "$(db_state "$1")" = Synced ] && return 0
    kill -0 "$(pid_of "db$1")" 2>/dev/null || break
    sleep 1
  done
  say "db$1 not Synced after $2 s: $(tail -5 "$WORK/db$1/error.log")"; return 1
}
say "Galera: 3 nodes on 127.0.0.1:$(db_port 1)-$(db_port 3) ($(mariadbd --version | awk '{print $3}'), galera-4)"
db_start 1 --wsrep-new-cluster
wait_synced 1 120
db_sql 1 "CREATE DATABASE askel CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER 'askel_owner'@'127.0.0.1' IDENTIFIED BY '$OWNER_PW';
  GRANT ALL PRIVILEGES ON askel.* TO 'askel_owner'@'127.0.0.1' WITH GRANT OPTION;
  CREATE USER 'askel_app'@'127.0.0.1' IDENTIFIED BY '$APP_PW';
  CREATE USER 'haproxy_check'@'127.0.0.1';"
db_start 2; wait_synced 2 180
db_start 3; wait_synced 3 180
say "cluster size $(db_sql 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2), all Synced"

# ---- HAProxy ------------------------------------------------------------------------------------------
cat >"$WORK/haproxy.cfg" <<EOF
global
  maxconn 4000
  external-check
  insecure-fork-wanted
  stats socket $WORK/haproxy.sock level admin
  log stdout format iso local0 notice
defaults
  log global
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout check 3s
  retries 3
  option redispatch
# People: both instances, each checked on its readiness (management port). A request that cannot reach an
# instance (connection refused) is sent to the other; one already sent is never repeated (POSTs are not
# idempotent). A call's signalling sockets meet on one instance: hashed on the path.
frontend web
  mode http
  bind 127.0.0.1:$FRONT
  option forwardfor
  acl call_signal path_reg ^/calls/[^/]+/signal
  use_backend askel_signal if call_signal
  default_backend askel
backend askel
  mode http
  balance roundrobin
  option httpchk GET /q/health/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
  server a 127.0.0.1:${HTTP_PORT[a]} check port ${MGMT_PORT[a]}
  server b 127.0.0.1:${HTTP_PORT[b]} check port ${MGMT_PORT[b]}
backend askel_signal
  mode http
  balance uri
  hash-type consistent
  option httpchk GET /q/health/ready
  default-server inter 1s fall 2 rise 2
  server a 127.0.0.1:${HTTP_PORT[a]} check port ${MGMT_PORT[a]}
  server b 127.0.0.1:${HTTP_PORT[b]} check port ${MGMT_PORT[b]}
# The database: one writer at a time for every instance (balance first + a one-entry stick table: all
# connections go to the same Synced node and stay there after it fails over; a node that comes back does not
# take the writes back), cut at once when that node is marked down, checked with galera-check.sh.
listen galera
  mode tcp
  bind 127.0.0.1:$DB_PROXY
  balance first
  stick-table type ip size 1
  stick on dst
  option external-check
  external-check path "/usr/bin:/bin"
  external-check command $ROOT/src/bench/galera-check.sh
  default-server inter 3s fall 2 rise 2 on-marked-down shutdown-sessions
  server db1 127.0.0.1:$(db_port 1) check
  server db2 127.0.0.1:$(db_port 2) check
  server db3 127.0.0.1:$(db_port 3) check
EOF
haproxy -c -q -f "$WORK/haproxy.cfg"
( exec haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 & echo $! >"$WORK/haproxy.pid" )
haproxy_cmd() { python3 - "$WORK/haproxy.sock" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall((sys.argv[2] + "\n").encode())
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk: break
    data += chunk
print(data.decode(), end="")
PY
}
db_writer() { haproxy_cmd "show table galera" | sed -n 's/.*server_id=\([0-9]*\).*/db\1/p'; }
say "HAProxy: people on 127.0.0.1:$FRONT, database on 127.0.0.1:$DB_PROXY"

# ---- two Askel instances --------------------------------------------------------------------------------
askel_start() { # a|b
  local n=$1 dir="$WORK/askel-$1"
  mkdir -p "$dir"
  ( cd "$dir" && exec java -Xmx"$HEAP" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$ROOT/$JAR" >>"$dir/app.log" 2>&1 &
    echo $! >"$WORK/askel-$n.pid" )
}
export ASKEL_DATA_DIR ASKEL_EMBEDDED_DB_ENABLED=false ASKEL_DEMO=true ASKEL_DB_RUNTIME_HOST=127.0.0.1 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:mariadb://127.0.0.1:$DB_PROXY/askel" \
  QUARKUS_DATASOURCE_USERNAME=askel_app QUARKUS_DATASOURCE_PASSWORD="$APP_PW" \
  QUARKUS_FLYWAY_USERNAME=askel_owner QUARKUS_FLYWAY_PASSWORD="$OWNER_PW" \
  QUARKUS_MAILER_MOCK=true QUARKUS_LOG_CONSOLE_JSON_ENABLED=false ASKEL_PUBLIC_URL="http://127.0.0.1:$FRONT" \
  ASKEL_BOOTSTRAP_ADMIN_PASSWORD=Cluster-admin-2026! \
  ASKEL_PRIVACY_ACCESS_LOG_CHECKPOINT_DIR="$WORK/checkpoints" ASKEL_HTTP_TRUSTED_PROXIES=127.0.0.1 \
  ASKEL_AUTH_LOCKOUT_MAX_FAILURES=4 ASKEL_AUTH_LOCKOUT_BACKOFF_AFTER=4 ASKEL_PEER_RATE_LIMIT_POSTS=1000000 \
  ASKEL_REMINDERS_CRON='0/10 * * * * ?' ASKEL_PEER_DIGEST_CRON='0/10 * * * * ?' \
  ASKEL_PRIVACY_RETENTION_CRON='0/10 * * * * ?' ASKEL_READINESS_CRON='0/10 * * * * ?'
# the exercise modules: the release's copy (-Dproduction) or the source tree's
[ -d "$(dirname "$JAR")/exercises" ] || export ASKEL_EXERCISES_DIR="$ROOT/exercises"
# (the daily jobs fire every 10 s on both instances here, so "once a day across instances" is really raced)
start_instance() { # a|b — each its own data folder and ports; the keys are the first instance's
  ASKEL_DATA_DIR="$WORK/askel-$1" QUARKUS_HTTP_PORT=${HTTP_PORT[$1]} QUARKUS_MANAGEMENT_PORT=${MGMT_PORT[$1]} askel_start "$1"
}
ready() { curl -fs -o /dev/null "http://127.0.0.1:${MGMT_PORT[$1]}/q/health/ready"; }
wait_ready() { # a|b timeout → prints seconds taken
  local start; start=$(date +%s)
  for _ in $(seq 1 "$2"); do
    ready "$1" && { echo $(($(date +%s) - start)); return 0; }
    kill -0 "$(pid_of "askel-$1")" 2>/dev/null || { say "askel-$1 died: $(grep -m3 -A3 'Caused by\|ERROR' "$WORK/askel-$1/app.log")" >&2; return 1; }
    sleep 1
  done
  say "askel-$1 not ready after $2 s" >&2; return 1
}
start_instance a
took=$(wait_ready a 300) || exit 1
say "askel-a ready in $took s (migrated the schema on Galera, seeded the demo data)"
mkdir -p "$WORK/askel-b"; cp -a "$WORK/askel-a/keys" "$WORK/askel-b/keys"
start_instance b
took=$(wait_ready b 300) || exit 1
say "askel-b ready in $took s (same keys as askel-a)"
for _ in $(seq 1 20); do [ "$(curl -fs -o /dev/null -w '%{http_code}' "http://127.0.0.1:$FRONT/login")" = 200 ] && break; sleep 1; done

# ---- what Galera needs of the schema ------------------------------------------------------------------
no_pk=$(db_sql 2 "SELECT GROUP_CONCAT(t.TABLE_NAME) FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA='askel'
  AND t.TABLE_TYPE='BASE TABLE' AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS c
  WHERE c.TABLE_SCHEMA=t.TABLE_SCHEMA AND c.TABLE_NAME=t.TABLE_NAME AND c.CONSTRAINT_TYPE='PRIMARY KEY')")
not_innodb=$(db_sql 2 "SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA='askel' AND TABLE_TYPE='BASE TABLE' AND ENGINE<>'InnoDB'")
tables=$(db_sql 3 "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA='askel'")
[ "$no_pk" = NULL ] && [ "$not_innodb" = NULL ] && say "schema: $tables tables on db3 (replicated), every one InnoDB with a primary key" \
  || fail "tables without a primary key: $no_pk; not InnoDB: $not_innodb"

# ---- checks across the two instances --------------------------------------------------------------------
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d}))" "$1"; }
totp() { python3 - "$DEMO_TOTP_SECRET" <<'PY'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
o = digest[-1] & 0x0F
print("%06d" % ((struct.unpack(">I", digest[o:o + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}
direct() { echo "http://127.0.0.1:${HTTP_PORT[$1]}"; }
login() { # url username [password [totp]] → prints the HTTP status and the token
  local body
  body=$(printf '{"username":"%s","password":"%s"%s}' "$2" "${3:-$PASSWORD}" "${4:+,\"totp\":\"$4\"}")
  curl -s -o "$WORK/login.json" -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "$1/api/v1/auth/login"
  echo " $(json "d.get('token','')" <"$WORK/login.json" 2>/dev/null)"
}
api() { curl -s -o "$WORK/api.json" -w '%{http_code}' -H "Authorization: Bearer $2" "${@:3}" "$1"; }

read -r code CLIENT < <(login "$(direct a)" demo-client)
GROUP=$(curl -fs -H "Authorization: Bearer $CLIENT" "$(direct a)/api/v1/groups" | json "d[0]['id']")
THREAD=$(curl -fs -H "Authorization: Bearer $CLIENT" "$(direct a)/api/v1/groups/$GROUP/threads" | json "d['items'][0]['id']")
curl -fs -o /dev/null -X POST -H "Authorization: Bearer $CLIENT" "$(direct b)/api/v1/groups/$GROUP/rules/accept"
marker="written through askel-a $(date +%s%N)"
code=$(api "$(direct a)/api/v1/threads/$THREAD/posts" "$CLIENT" -H 'Content-Type: application/json' -d "{\"body\":\"$marker\"}")
post=$(json "d['id']" <"$WORK/api.json")
code_b=$(api "$(direct b)/api/v1/threads/$THREAD?post=$post" "$CLIENT")
[ "$code" = 201 ] && [ "$code_b" = 200 ] && grep -q "$marker" "$WORK/api.json" \
  && say "check: post $post written through askel-a is read through askel-b" || fail "post through a ($code), read through b ($code_b)"

read -r code TOKEN < <(login "$(direct a)" demo-client)
before=$(api "$(direct b)/api/v1/me" "$TOKEN")
out=$(api "$(direct a)/api/v1/auth/logout" "$TOKEN" -X POST)
after=$(api "$(direct b)/api/v1/me" "$TOKEN")
[ "$before" = 200 ] && [ "$out" = 204 ] && [ "$after" = 401 ] \
  && say "check: signed in on a, accepted on b (200); signed out on a (204), refused on b at once ($after)" \
  || fail "logout across instances: b before $before, logout on a $out, b after $after"

# 4 failures lock the account (ASKEL_AUTH_LOCKOUT_MAX_FAILURES=4 here): two on each instance
codes=""
for n in a b a b; do read -r c _ < <(login "$(direct $n)" demo-client2 wrong-password); codes="$codes $n:$c"; done
read -r la _ < <(login "$(direct a)" demo-client2); read -r lb _ < <(login "$(direct b)" demo-client2)
[ "$codes" = " a:401 b:401 a:401 b:401" ] && [ "$la" = 429 ] && [ "$lb" = 429 ] \
  && say "check: 2 failed sign-ins on a + 2 on b lock the account on both (right password then: a $la, b $lb)" \
  || fail "throttling across instances: failures$codes, then a $la, b $lb"

# ---- load through HAProxy, and the failures ---------------------------------------------------------------
# the client saves one reflection step over and over (each save a new revision), posts replies, and the
# specialist reads the client's page (each read is an access-log event for the sealer)
read -r code SPECIALIST < <(login "$(direct b)" demo-specialist "$PASSWORD" "$(totp)")
CLIENT_ID=$(curl -fs -H "Authorization: Bearer $CLIENT" "$(direct a)/api/v1/me" | json "d['id']")
STEP=$(python3 - "$(direct a)" "$CLIENT" <<'PY2' || true
import json, sys, urllib.request
base, token = sys.argv[1:]
def call(path, method="GET", body=None):
    req = urllib.request.Request(base + path, method=method, data=body and json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))
for a in call("/api/v1/assignments"):
    if a["status"] not in ("ASSIGNED", "IN_PROGRESS"):
        continue
    for s in call("/api/v1/assignments/%d" % a["id"])["steps"]:
        if s["type"] == "reflection" and not s["done"]:
            try:
                call("/api/v1/assignments/%d/steps/%s" % (a["id"], s["key"]), "PUT", {"answer": {"text": "cluster"}, "final": False})
            except Exception:
                continue
            print("%d/steps/%s" % (a["id"], s["key"]))
            sys.exit()
PY2
)
[ -n "$STEP" ] || { fail "no reflection step for demo-client to save"; exit 1; }
run_load() { # name threads connections method path auth body capture delay
  LOAD_OUT="$WORK/load-$1" LOAD_METHOD=$4 LOAD_PATH=$5 LOAD_AUTH=$6 LOAD_BODY=$7 LOAD_CAPTURE=$8 LOAD_DELAY_MS=$9 \
    wrk -t"$2" -c"$3" -d"${LOAD}s" --timeout 10s -s src/bench/cluster-load.lua "http://127.0.0.1:$FRONT" >"$WORK/load-$1.out" 2>&1 &
  echo $! >"$WORK/load-$1.pid"
}
run_load posts 2 4 POST "/api/v1/threads/$THREAD/posts" "Authorization: Bearer $CLIENT" '{"body":"cluster load %s"}' id 20
run_load answers 1 1 PUT "/api/v1/assignments/$STEP" "Authorization: Bearer $CLIENT" \
  '{"answer":{"text":"cluster answer %s"},"final":false}' revision 20
run_load reads 1 2 GET "/clients/$CLIENT_ID" "Cookie: askel_token=$SPECIALIST" '' '' 20
LOAD_START=$(date +%s)
say "load: ${LOAD}s through HAProxy (posts 4 conns, answer saves 1, specialist reads 2; 20 ms pause per request)"
at() { local t=$((LOAD_START + $1 - $(date +%s))); [ "$t" -le 0 ] || sleep "$t"; }
at "$KILL_DB_AT"
WRITER=$(db_writer); WRITER=${WRITER:-db1}
kill -9 "$(cat "$WORK/$WRITER/mariadbd.pid")"; KILLED_DB_T=$(date +%s)
say "killed the writing node $WRITER (kill -9)"
at "$KILL_APP_AT"
kill -9 "$(pid_of askel-b)"; KILLED_APP_T=$(date +%s)
say "killed askel-b (kill -9); the writer is now $(db_writer)"
at "$DB_BACK_AT"
db_start "${WRITER#db}"; say "restarted $WRITER"
at "$APP_BACK_AT"
start_instance b; say "restarted askel-b"
for p in posts answers reads; do wait "$(pid_of "load-$p")" || true; rm -f "$WORK/load-$p.pid"; done
say "load over"
wait_synced "${WRITER#db}" 240 && say "$WRITER rejoined: Synced, cluster size $(db_sql "${WRITER#db}" "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2), by $(grep -q 'IST received' "$WORK/$WRITER/error.log" && echo IST || echo SST)" \
  || fail "$WRITER did not rejoin"
B_READY=$(wait_ready b 300) && say "askel-b ready again ($B_READY s after the load ended), HAProxy: $(haproxy_cmd 'show servers state askel' | awk 'NF>6 && $1 ~ /^[0-9]+$/ {printf "%s=%s ", $4, ($6==2?"UP":"DOWN")}')" \
  || fail "askel-b did not come back"

# ---- nothing acknowledged is lost ------------------------------------------------------------------------
sleep 8 # the sealer runs every 5 s
python3 - "$WORK" "$KILLED_DB_T" "$KILLED_APP_T" "$THREAD" "${STEP%%/*}" "${STEP##*/}" >"$WORK/acks.txt" <<'PY'
import glob, json, sys
work, killed_db, killed_app = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def lines(name):
    for f in glob.glob(f"{work}/load-{name}-*.txt"):
        for line in open(f):
            t, status, n, value = line.split()
            yield int(t), int(status), n, value
out = {}
for name in ("posts", "answers", "reads"):
    rows = list(lines(name))
    errors = [t for t, s, _, _ in rows if s >= 400]
    def window(frm, to):
        e = [t for t in errors if frm <= t < to]
        return {"errors": len(e), "seconds": (max(e) - min(e) + 1) if e else 0, "first_after_kill": (min(e) - frm) if e else None}
    out[name] = {"answers": len(rows), "ok": sum(1 for r in rows if r[1] < 300), "errors": len(errors),
                 "statuses": sorted({r[1] for r in rows if r[1] >= 300}),
                 "db_failover": window(killed_db, killed_app), "app_failover": window(killed_app, 1 << 40)}
out["acked_post_ids"] = sorted(int(v) for t, s, n, v in lines("posts") if s == 201 and v != "-")
acked = [(int(v), n) for t, s, n, v in lines("answers") if s == 200 and v != "-"]
out["last_acked_answer"] = max(acked) if acked else None
print(json.dumps(out))
PY
acked_posts=$(python3 - "$WORK" <<'PY2'
import json, sys
ids = json.load(open(sys.argv[1] + "/acks.txt"))["acked_post_ids"]
with open(sys.argv[1] + "/acked.sql", "w") as f:
    f.write("USE askel;\nCREATE TEMPORARY TABLE acked (id BIGINT PRIMARY KEY) ENGINE=InnoDB;\n")
    for i in range(0, len(ids), 1000):
        f.write("INSERT INTO acked VALUES %s;\n" % ",".join("(%d)" % x for x in ids[i:i + 1000]))
    f.write("SELECT (SELECT COUNT(*) FROM acked LEFT JOIN askel.peer_post p ON p.id = acked.id WHERE p.id IS NULL),"
            " (SELECT COUNT(*) FROM askel.peer_post WHERE body LIKE 'cluster load %');\n")
print(len(ids))
PY2
)
for i in 1 2 3; do
  mariadb --no-defaults -S "$WORK/db$i/mariadb.sock" -uroot -N -B <"$WORK/acked.sql" >"$WORK/lost-$i.txt" 2>&1 || true
done
read -r lost in_db <"$WORK/lost-1.txt" || true
same=$( [ "$(cat "$WORK/lost-1.txt")" = "$(cat "$WORK/lost-2.txt")" ] && [ "$(cat "$WORK/lost-1.txt")" = "$(cat "$WORK/lost-3.txt")" ] && echo yes || echo no)
[ "$lost" = 0 ] && [ "$same" = yes ] \
  && say "posts: $acked_posts acknowledged (201), all in the database; $in_db there (the rest were committed but their answer was lost in a failure); the same on all 3 nodes" \
  || fail "posts: $acked_posts acknowledged, missing: ${lost:-?} (node results: $(cat "$WORK"/lost-*.txt | tr '\n' ' '))"
read -r last_rev last_n < <(python3 -c "import json,sys; a=json.load(open(sys.argv[1]))['last_acked_answer']; print(*(a or ['-','-']))" "$WORK/acks.txt")
read -r db_rev db_text < <(db_sql 3 "SELECT revision, JSON_VALUE(answer, '$.text') FROM askel.step_answer
  WHERE assignment_id=${STEP%%/*} AND step_key='${STEP##*/}'")
db_text=${db_text#cluster answer }
[ "$db_rev" -ge "$last_rev" ] 2>/dev/null \
  && say "answers: last acknowledged save was revision $last_rev; the database (db3) has revision $db_rev ('cluster answer $db_text')" \
  || fail "answers: last acknowledged revision $last_rev, database $db_rev"

# ---- daily jobs once, and the access log ------------------------------------------------------------------
jobs=$(db_sql 1 "SELECT name, COUNT(*) FROM askel.job_run WHERE run_date >= CURDATE() - INTERVAL 1 DAY GROUP BY name ORDER BY name" | tr '\t\n' '= ')
runs=$(cat "$WORK"/askel-?/app.log | grep -cE 'Peer group digest for|Reminder emails sent|Retention: |Readiness overdue emails sent' || true)
[ "$runs" = 4 ] && [ "$(wc -w <<<"$jobs")" = 4 ] && ! grep -q '=[^1]' <<<"$jobs" \
  && say "daily jobs: each ran once across both instances though both fired every 10 s ($jobs; $runs run lines in the two logs)" \
  || fail "daily jobs: job_run $jobs; $runs run lines in the logs (expected 4)"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:mariadb://127.0.0.1:$(db_port 2)/askel" QUARKUS_DATASOURCE_USERNAME=askel_owner \
  QUARKUS_DATASOURCE_PASSWORD=$OWNER_PW
verify=$(java -cp "$(dirname "$JAR")/app/*:$(dirname "$JAR")/lib/main/*" fi.askel.privacy.AccessLogVerify \
  --checkpoints "$WORK/checkpoints" --public-key "$WORK/askel-a/keys/jwt-public.pem" 2>&1) && vrc=0 || vrc=$?
forks=$(db_sql 2 "SELECT COUNT(*) FROM (SELECT seq FROM askel.access_event WHERE seq IS NOT NULL GROUP BY seq HAVING COUNT(*) > 1) f")
chain=$(db_sql 2 "SELECT CONCAT(COUNT(seq), ' sealed, ', COUNT(*) - COUNT(seq), ' unsealed, seq ', MIN(seq), '-', MAX(seq)) FROM askel.access_event")
sealer_errors=$(cat "$WORK"/askel-?/app.log | grep -c 'Sealing the access log failed' || true)
[ "$vrc" = 0 ] && [ "$forks" = 0 ] \
  && say "access log: AccessLogVerify ok against db2 with both instances' checkpoints ($chain, no seq used twice; sealer runs that failed and were retried later: $sealer_errors)" \
  || fail "access log: AccessLogVerify exit $vrc ($verify); seq used twice: $forks"
echo "$verify" >"$WORK/access-log-verify.txt"

python3 - "$WORK" "$MODE" "$LOAD" "$WRITER" "$acked_posts" "${lost:-}" "${in_db:-}" "$last_rev" "$db_rev" "$FAILED" <<'PY'
import json, sys
work, mode, load, writer, acked, lost, in_db, last_rev, db_rev, failed = sys.argv[1:]
acks = json.load(open(f"{work}/acks.txt")); acks.pop("acked_post_ids")
result = {"mode": mode, "load_seconds": int(load), "killed_db_node": writer, "killed_instance": "askel-b",
          "posts": {"acknowledged": int(acked), "missing": lost, "in_db": in_db},
          "answers": {"last_acknowledged_revision": last_rev, "db_revision": db_rev}, "streams": acks, "ok": failed == "0"}
json.dump(result, open(f"{work}/result.json", "w"), indent=2)
print("%-8s %8s %8s %7s   %-32s %-32s" % ("stream", "answers", "2xx", "errors", "database node killed", "askel-b killed"))
for name in ("posts", "answers", "reads"):
    s = acks[name]
    w = lambda x: "%d errors over %d s (from +%s s)" % (x["errors"], x["seconds"], x["first_after_kill"]) if x["errors"] else "no errors"
    print("%-8s %8d %8d %7d   %-32s %-32s" % (name, s["answers"], s["ok"], s["errors"], w(s["db_failover"]), w(s["app_failover"])))
PY
for p in posts answers reads; do
  sock=$(awk '/Socket errors/' "$WORK/load-$p.out"); [ -z "$sock" ] || say "wrk $p: $sock"
done
say "$( [ "$FAILED" = 0 ] && echo PASSED || echo FAILED ) in $(($(date +%s) - T0)) s; details in $WORK (result.json, logs)"
exit "$FAILED"
