#!/usr/bin/env bash
# Follows OPERATIONS.md on this machine, as a provider's IT person would, and checks each step:
# build the package, install it (dpkg, into this host), create the database with the guide's SQL on a private
# MariaDB (Debian's mariadbd, own datadir/port/socket), start the service as its unit says, sign the admin in
# through the API, write data, back up, wipe, restore, upgrade to a build with one more migration; after each
# step the data and the access log's chain are checked.
#
#   sudo src/ops/guide-test.sh                 # builds target/askel_*.deb unless ASKEL_DEB names one
#   ASKEL_DEB=target/askel_….deb sudo src/ops/guide-test.sh
#
# Needs root (dpkg, the askel user), Debian's mariadb-server, dpkg, Java 17, curl, jq, python3, and age or gpg.
# Exit 0 all good; 1 a step failed; 77 skipped (missing prerequisites; the reason is printed).
# Leaves the host as it found it: the package purged, /var/lib/askel and the askel user removed, its own
# mariadbd stopped by PID. Never touches the system's MariaDB service.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=${GUIDE_TEST_DIR:-/tmp/askel-guide-test}
DB_PORT=${GUIDE_TEST_DB_PORT:-33611}
HTTP_PORT=${GUIDE_TEST_HTTP_PORT:-18611}
MGMT_PORT=${GUIDE_TEST_MGMT_PORT:-19611}
OWNER_PW=owner-$RANDOM$RANDOM
APP_PW=app-$RANDOM$RANDOM
BACKUP_PW=backup-$RANDOM$RANDOM
ADMIN_PW='Guide-Test-Bootstrap-2026!x'
SERVICE_PID=

step() { printf '\n== %s\n' "$*"; }
# The service's last lines first, the reason last: CI shows only the end of the output.
fail() {
  if [ -f "$WORK/service.log" ]; then echo "-- the service's log, last 30 lines:" >&2; tail -30 "$WORK/service.log" >&2; fi
  echo "GUIDE TEST FAILED: $*" >&2; exit 1
}
skip() { echo "guide test skipped: $*"; exit 77; }

[ "$(id -u)" = 0 ] || skip "needs root (dpkg -i, the askel system user)"
PATH=$PATH:/usr/sbin:/sbin
for tool in mariadbd mariadb mariadb-dump mariadb-install-db dpkg java curl jq python3 setpriv; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (apt install mariadb-server curl jq)"
done
if [ -d /run/systemd/system ]; then USE_SYSTEMD=1; else USE_SYSTEMD=0; fi
if dpkg -s askel >/dev/null 2>&1; then skip "a package askel is already installed here; not touching it"; fi

rm -rf "$WORK"; mkdir -p "$WORK/home"
# The mariadb client of the guide's commands, as root, reaches the private server through ~/.my.cnf.
export HOME=$WORK/home
printf '[client]\nsocket=%s\n' "$WORK/db/mariadb.sock" > "$HOME/.my.cnf"
sql() { mariadb -N -B "$@"; }
app_sql() { mariadb --no-defaults -h127.0.0.1 -P"$DB_PORT" -uaskel_app -p"$APP_PW" -N -B askel "$@"; }

cleanup() {
  set +e
  if [ -n "${UPGRADE_BUILD_PID:-}" ]; then kill -- -"$UPGRADE_BUILD_PID" 2>/dev/null; wait "$UPGRADE_BUILD_PID" 2>/dev/null; fi
  stop_service
  "$ROOT/src/ops/private-mariadb.sh" stop "$WORK/db"
  if dpkg -s askel >/dev/null 2>&1; then dpkg --purge askel >/dev/null 2>&1; fi
  rm -rf /var/lib/askel /etc/askel
  if getent passwd askel >/dev/null; then deluser --system askel >/dev/null 2>&1 || userdel askel; fi
  getent group askel >/dev/null && groupdel askel 2>/dev/null
}
trap cleanup EXIT

# ---- the service, as its unit runs it (systemd when it is PID 1, else the unit's command as its user) ----
start_service() {
  if [ "$USE_SYSTEMD" = 1 ]; then systemctl start askel; wait_ready; return; fi
  local unit=/lib/systemd/system/askel.service
  local -a env=(PATH=/usr/bin:/bin)
  while IFS= read -r line; do
    line=${line#Environment=}; line=${line#\"}; line=${line%\"}; env+=("$line")
  done < <(grep '^Environment=' "$unit")
  while IFS= read -r line; do env+=("$line"); done < <(grep -E '^[A-Z_][A-Z0-9_]*=' /etc/askel/askel.env)
  local java_opts; java_opts=$(printf '%s\n' "${env[@]}" | sed -n 's/^JAVA_OPTS=//p' | tail -1)
  local workdir; workdir=$(sed -n 's/^WorkingDirectory=//p' "$unit")
  mkdir -p "$workdir"; chown askel:askel "$workdir"
  # shellcheck disable=SC2086
  (cd "$workdir" && exec setpriv --reuid askel --regid askel --init-groups --no-new-privs \
      env -i "${env[@]}" /usr/bin/java $java_opts -jar /usr/share/askel/quarkus-run.jar) >>"$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  wait_ready
}
stop_service() {
  if [ "$USE_SYSTEMD" = 1 ]; then systemctl stop askel 2>/dev/null || true; return; fi
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
}
# The guide's blocks say `systemctl stop|start askel`; without systemd they mean the functions above.
systemctl_shim() { case "$1" in start) start_service ;; stop) stop_service ;; *) command systemctl "$@" ;; esac; }
wait_ready() {
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null 2>&1; then return 0; fi
    if [ -n "$SERVICE_PID" ] && ! kill -0 "$SERVICE_PID" 2>/dev/null; then fail "the service exited"; fi
    sleep 1
  done
  fail "the service did not become ready"
}

# A block of OPERATIONS.md: the fenced code after <!-- guide-test:NAME -->.
guide_block() {
  awk -v name="<!-- guide-test:$1 -->" '
    $0 == name { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$ROOT/OPERATIONS.md"
}

totp() { # RFC 6238 code for a base32 secret, of the time step $2 (default: now's)
  python3 - "$1" "${2:-}" <<'EOF'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1].upper() + "=" * (-len(sys.argv[1]) % 8))
step = int(sys.argv[2]) if sys.argv[2] else int(time.time()) // 30
mac = hmac.new(key, struct.pack(">Q", step), "sha1").digest()
o = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7fffffff) % 1000000))
EOF
}
api() { # METHOD PATH [JSON] with $TOKEN
  local method=$1 path=$2; shift 2
  curl -sS -X "$method" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -H 'Accept: application/json' "http://127.0.0.1:$HTTP_PORT$path" ${1:+--data "$1"}
}
LAST_STEP=0
next_code() { # sets CODE: each time step's code works once, and the service takes the previous, current and next
  local now current soon candidate   # step: the oldest unused of those (not one about to expire), else wait a little
  while :; do
    now=$(date +%s); current=$(( now / 30 )); soon=$(( (now + 3) / 30 ))
    candidate=$(( LAST_STEP + 1 > soon - 1 ? LAST_STEP + 1 : soon - 1 ))
    if [ "$candidate" -le $(( current + 1 )) ]; then LAST_STEP=$candidate; CODE=$(totp "$TOTP_SECRET" "$candidate"); return; fi
    sleep 1
  done
}
sign_in() { # the admin, with the TOTP code once enrolled (or with the recovery code given as $1)
  CODE=${1:-}; if [ -z "$CODE" ] && [ -n "${TOTP_SECRET:-}" ]; then next_code; fi
  local body; body=$(jq -n --arg u admin --arg p "$ADMIN_PW" --arg t "$CODE" \
    '{username: $u, password: $p} + (if $t == "" then {} else {totp: $t} end)')
  local answer; answer=$(curl -sS -H 'Content-Type: application/json' --data "$body" \
    "http://127.0.0.1:$HTTP_PORT/api/v1/auth/login")
  TOKEN=$(jq -r '.token // empty' <<<"$answer")
  [ -n "$TOKEN" ] || fail "admin sign-in refused: $answer"
}
check_access_log() { # $1: a recorded "id hash" that must still be in the chain
  local v; v=$(api GET /api/v1/admin/access-log/verify)
  [ "$(jq -r .ok <<<"$v")" = true ] || fail "access log check: $v"
  if [ -n "${1:-}" ]; then
    set -- $1
    [ "$(sql askel -e "SELECT hash FROM access_event WHERE seq = $1")" = "$2" ] || fail "chain head $1 is not $2"
  fi
  echo "access log ok: $(jq -c '{checked, lastSeq, unsealed}' <<<"$v")"
}
sealed_log() { # the access-log check once the sealer (every 5 s) has sealed every event: events are sealed off the request path
  local v i
  for i in $(seq 1 30); do
    v=$(api GET /api/v1/admin/access-log/verify)
    if [ "$(jq -r '.unsealed' <<<"$v")" = 0 ] && [ "$(jq -r '.lastSeq // 0' <<<"$v")" -ge 1 ]; then echo "$v"; return 0; fi
    sleep 1
  done
  echo "$v"
}
check_data() { # after a restart: the admin signs in again with a TOTP code (the restored key reads it)
  [ "${1:-}" = signed-in ] || sign_in
  [ "$(api GET "/api/v1/users/$CLIENT_ID" | jq -r .username)" = "$CLIENT" ] || fail "client $CLIENT is gone"
  check_access_log "$HEAD"
}

# The next release, built while the steps before the upgrade run (they mostly wait on the service).
if [ -z "${ASKEL_UPGRADE_DEB:-}" ]; then
  rm -rf "$WORK/src" && mkdir "$WORK/src"
  (cd "$ROOT" && git ls-files -z | xargs -0 tar -cf - 2>/dev/null) | tar -C "$WORK/src" -xf -
  cat > "$WORK/src/migrations/db/migration/V9999__guide_test_upgrade.sql" <<'EOF'
-- Only in guide-test.sh's upgrade build: one more table, as a release that expands the schema adds one.
CREATE TABLE guide_upgrade_probe (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    note VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
EOF
  # The next release: a higher version than the installed one (its patch level 9999).
  sed -i '0,/<version>\([0-9]*\)\.\([0-9]*\)\.[0-9]*-SNAPSHOT<\/version>/s//<version>\1.\2.9999-SNAPSHOT<\/version>/' \
    "$WORK/src/pom.xml"
  # Its own process group, so that cleanup can stop the whole build if a step fails first.
  setsid bash -c 'cd "$1" && exec ./mvnw -B -q package -Dproduction -DskipTests' _ "$WORK/src" \
    > "$WORK/upgrade-build.log" 2>&1 &
  UPGRADE_BUILD_PID=$!
fi

# ---------------------------------------------------------------------------------------------------------
step "Build the release (OPERATIONS.md, \"Build the release\")"
if [ -z "${ASKEL_DEB:-}" ]; then
  ./mvnw -B -q package -Dproduction -DskipTests
  ASKEL_DEB=$(ls -t target/askel_*_all.deb | head -1)
fi
[ -f "$ASKEL_DEB" ] || fail "no package $ASKEL_DEB"
cp "$ASKEL_DEB" "$WORK/askel-1.deb"
echo "package: $ASKEL_DEB"

step "Database: a private MariaDB of Debian's packages, the guide's SQL"
"$ROOT/src/ops/private-mariadb.sh" start "$WORK/db" "$DB_PORT"
guide_block create-database | sed -e "s/OWNER-PASSWORD/$OWNER_PW/" -e "s/APP-PASSWORD/$APP_PW/" \
  -e "s/BACKUP-PASSWORD/$BACKUP_PW/" > "$WORK/create.sql"
grep -q 'CREATE DATABASE askel' "$WORK/create.sql" || fail "no create-database block in OPERATIONS.md"
sql < "$WORK/create.sql"
# (grep reads whole outputs here: with pipefail, `producer | grep -q` fails when grep stops reading early)
grep -q 'utf8mb4' <<<"$(sql -e "SELECT @@character_set_database, @@collation_database" askel)" || fail "not utf8mb4"

step "A server the service cannot use is refused before any migration (the refusal in the JSON log)"
sql -e "CREATE DATABASE askel_refused; GRANT ALL ON askel_refused.* TO 'askel_owner'@'127.0.0.1'"
if dpkg-deb -x "$WORK/askel-1.deb" "$WORK/unpacked"; then
  if ASKEL_DB_MINIMUM_VERSION=99.1 ASKEL_EMBEDDED_DB_ENABLED=false ASKEL_DATA_DIR="$WORK/refused-data" \
     QUARKUS_DATASOURCE_JDBC_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/askel_refused" \
     QUARKUS_DATASOURCE_USERNAME=askel_owner QUARKUS_DATASOURCE_PASSWORD="$OWNER_PW" QUARKUS_HTTP_PORT=0 \
     QUARKUS_MANAGEMENT_PORT=0 timeout 300 java -jar "$WORK/unpacked/usr/share/askel/quarkus-run.jar" \
     > "$WORK/refused.log" 2>&1; then fail "started against a refused server version"; fi
  grep '"level":"ERROR"' "$WORK/refused.log" | grep -c 'needs MariaDB 99.1 or newer' >/dev/null \
    || { cat "$WORK/refused.log" | tail -20; fail "no JSON error line naming the needed version"; }
  [ "$(sql -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='askel_refused'")" = 0 ] \
    || fail "tables were created in spite of the refusal"
  echo "refused: $(grep -o 'The database server is[^"]*' "$WORK/refused.log" | head -1)"
fi

step "Install the package (OPERATIONS.md, \"Install\")"
DEBIAN_FRONTEND=noninteractive dpkg -i "$WORK/askel-1.deb" >/dev/null
getent passwd askel >/dev/null || fail "no askel user"
[ "$(stat -c '%U:%G %a' /var/lib/askel)" = "askel:askel 750" ] || fail "/var/lib/askel: $(stat -c '%U:%G %a' /var/lib/askel)"
[ "$(stat -c '%U:%G %a' /etc/askel/askel.env)" = "root:askel 640" ] || fail "askel.env permissions"
[ -f /usr/share/askel/exercises/setting-goals/module.yaml ] || ls /usr/share/askel/exercises/*/ >/dev/null \
  || fail "no exercise modules installed"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /lib/systemd/system/askel.service 2>&1 | grep -v 'Failed to\|^$' | grep -i 'askel.service' \
    && fail "systemd-analyze finds problems in the unit" || true
  # The unit's sandbox, as systemd scores it (0 = locked down, 10 = none); OPERATIONS.md says "OK" (under 4).
  exposure=$({ systemd-analyze security --offline=true /lib/systemd/system/askel.service 2>/dev/null || true; } \
    | sed -n 's/.*Overall exposure level for askel.service: \([0-9.]*\).*/\1/p')
  [ -n "$exposure" ] || fail "systemd-analyze security gave no exposure level"
  awk -v e="$exposure" 'BEGIN { exit !(e < 4.0) }' || fail "the unit's exposure level is $exposure, not under 4.0"
  echo "systemd-analyze security: exposure $exposure"
fi
# The IT person edits askel.env: the database, addresses, the first admin.
sed -i -e "s#^QUARKUS_DATASOURCE_JDBC_URL=.*#QUARKUS_DATASOURCE_JDBC_URL=jdbc:mariadb://127.0.0.1:$DB_PORT/askel#" \
  -e "s#^QUARKUS_DATASOURCE_PASSWORD=.*#QUARKUS_DATASOURCE_PASSWORD=$APP_PW#" \
  -e "s#^QUARKUS_FLYWAY_PASSWORD=.*#QUARKUS_FLYWAY_PASSWORD=$OWNER_PW#" \
  -e "s#^QUARKUS_HTTP_PORT=.*#QUARKUS_HTTP_PORT=$HTTP_PORT#" -e "s#^QUARKUS_HTTP_HOST=.*#QUARKUS_HTTP_HOST=127.0.0.1#" \
  -e "s#^QUARKUS_MANAGEMENT_PORT=.*#QUARKUS_MANAGEMENT_PORT=$MGMT_PORT#" \
  -e "s%^#ASKEL_BOOTSTRAP_ADMIN_PASSWORD=.*%ASKEL_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PW%" /etc/askel/askel.env
start_service
grep -q 'Check these settings' "$WORK/service.log" || fail "no warning about the missing public URL and mail server"
grep -q 'ASKEL_PUBLIC_URL' "$WORK/service.log" || fail "the warning does not name ASKEL_PUBLIC_URL"
grep -v '^{' "$WORK/service.log" | grep -v '^\s*$' | head -5 | grep . && fail "non-JSON lines in the service's log" || true
metrics=$(curl -fsS "http://127.0.0.1:$MGMT_PORT/q/metrics") || fail "the management port's /q/metrics did not answer"
grep -q '^http_server_requests_seconds_count\|^jvm_memory_used_bytes' <<<"$metrics" \
  || fail "no Prometheus metrics on the management port"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/q/health/ready")" != 200 ] \
  || fail "health is on the public port too"
app_sql -e "DELETE FROM access_event" 2>/dev/null && fail "the runtime account may delete from the access log"
app_sql -e "CREATE TABLE nope (id INT)" 2>/dev/null && fail "the runtime account may create tables"
echo "runtime account restricted: no DELETE on access_event, no CREATE"

step "Users: the admin signs in (enrols TOTP), creates a client (OPERATIONS.md, \"Users\")"
sign_in
enrol=$(api POST /api/v1/me/mfa/totp)
TOTP_SECRET=$(jq -r .secret <<<"$enrol"); [ -n "$TOTP_SECRET" ] && [ "$TOTP_SECRET" != null ] || fail "enrolment: $enrol"
next_code
RECOVERY=$(api POST /api/v1/me/mfa/totp/confirm "$(jq -n --arg c "$CODE" '{code: $c}')" | jq -r '.recoveryCodes[0] // empty')
[ -n "$RECOVERY" ] || fail "TOTP confirmation gave no recovery codes"
sign_in
# The bootstrap password was in a file: nothing but changing it works until it is changed.
refused=$(api GET /api/v1/users)
[ "$(jq -r .type <<<"$refused")" = https://askel.fi/problems/password-change-required ] \
  || fail "the bootstrap admin could work before changing the password: $refused"
NEW_PW='Chosen-by-the-IT-person-2026!'
api POST /api/v1/me/password "$(jq -n --arg c "$ADMIN_PW" --arg n "$NEW_PW" '{currentPassword: $c, newPassword: $n}')" \
  | grep -q . && fail "changing the bootstrap password"
# The new password with one of the recovery codes: each time step's TOTP code works once, and the steps after a
# restore and an upgrade each need one of their own (this way none of them waits for the next step).
ADMIN_PW=$NEW_PW; sign_in "$RECOVERY"
echo "the bootstrap admin enrolled TOTP and chose a new password"
CLIENT=guide-client-$RANDOM
created=$(api POST /api/v1/users "$(jq -n --arg u "$CLIENT" \
  '{username: $u, displayName: "Guide Test Client", role: "CLIENT", locale: "fi", password: "Client-pass-2026-guide!"}')")
CLIENT_ID=$(jq -r .id <<<"$created"); [[ "$CLIENT_ID" =~ ^[0-9]+$ ]] || fail "creating a client: $created"
# An admin reading the client's access log is itself logged (AUDIT_READ): the chain has an event.
api GET "/api/v1/admin/access-log?clientId=$CLIENT_ID" >/dev/null
v=$(sealed_log)
HEAD="$(jq -r .lastSeq <<<"$v") $(jq -r .lastHash <<<"$v")"
[ "$(jq -r '.lastSeq // 0' <<<"$v")" -ge 1 ] || fail "no sealed access-log event: $v"
check_data signed-in

step "Backups (OPERATIONS.md, \"Backups\")"
cd "$WORK"
if ! command -v age >/dev/null; then
  # The guide's age commands, with gpg's symmetric encryption standing in.
  echo "age is not installed: gpg --symmetric stands in for it"
  head -c 32 /dev/urandom | base64 > "$WORK/askel-backup.key"; AGE_RECIPIENT=unused
  age() { if [ "$1" = -d ]; then gpg --batch -q --pinentry-mode loopback --decrypt --passphrase-file "$3" "$4"; \
          else gpg --batch -q --pinentry-mode loopback --symmetric --cipher-algo AES256 --passphrase-file "$WORK/askel-backup.key" -o -; fi; }
else
  age-keygen -o "$WORK/askel-backup.key" 2>/dev/null
  AGE_RECIPIENT=$(age-keygen -y "$WORK/askel-backup.key")
fi
export AGE_RECIPIENT
eval "$(guide_block backup)"
[ -s "askel-db-$day.sql.gz.age" ] && [ -s "askel-files-$day.tar.gz.age" ] || fail "backup files missing"
if zcat -f "askel-db-$day.sql.gz.age" 2>/dev/null | grep -c "$CLIENT" >/dev/null; then fail "the backup is not encrypted"; fi
echo "backup: $(ls -l askel-*-"$day".*.age | awk '{print $5, $9}' | tr '\n' ' ')"
# The readiness checklist's evidence now shows this backup (the marker the block wrote), read by the service.
backups=$(api GET /api/v1/admin/readiness | jq -c '.evidence.checks[] | select(.key == "backups")')
[ "$(jq -r .status <<<"$backups")" = OK ] || fail "readiness does not show the backup: $backups"
echo "readiness: $(jq -r .detail <<<"$backups")"

step "Wipe: the database and the data folder are gone"
stop_service
sql -e "DROP DATABASE askel"
rm -rf /var/lib/askel/*

step "Restore (OPERATIONS.md, \"Restore\")"
systemctl() { systemctl_shim "$@"; }
eval "$(guide_block restore)"
unset -f systemctl
check_data
echo "restored: the client, the admin's second factor (keys/totp.key) and the access log"

step "Upgrade to a build with one more migration (OPERATIONS.md, \"Upgrades\")"
eval "$(guide_block backup)"
if [ -n "${UPGRADE_BUILD_PID:-}" ]; then
  wait "$UPGRADE_BUILD_PID" || { tail -30 "$WORK/upgrade-build.log" >&2; fail "the upgrade build failed"; }
  UPGRADE_BUILD_PID=
  ASKEL_UPGRADE_DEB=$(ls -t "$WORK"/src/target/askel_*_all.deb | head -1)
fi
before=$(dpkg-query -W -f '${Version}' askel)
DEBIAN_FRONTEND=noninteractive dpkg -i --force-confold "$ASKEL_UPGRADE_DEB" >/dev/null
after=$(dpkg-query -W -f '${Version}' askel)
dpkg --compare-versions "$after" gt "$before" || fail "the upgrade's version $after is not newer than $before"
grep -q "^QUARKUS_DATASOURCE_PASSWORD=$APP_PW" /etc/askel/askel.env || fail "the upgrade replaced askel.env"
stop_service; start_service
[ "$(sql askel -e "SELECT MAX(installed_rank) > 0 FROM flyway_schema_history WHERE version = '9999' AND success")" = 1 ] \
  || fail "the new migration did not run"
app_sql -e "INSERT INTO guide_upgrade_probe (note) VALUES ('granted after the upgrade')" \
  || fail "the runtime account was not granted the new table"
check_data
echo "upgraded $before -> $after: migrated as the owner, new table granted, data and access log intact"

echo; echo "GUIDE TEST PASSED"
