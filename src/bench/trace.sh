#!/usr/bin/env bash
# The statements one request sends to the embedded database, in order, as the server saw them.
#
#   src/bench/trace.sh <data folder> <curl arguments…>
#   e.g. src/bench/trace.sh /tmp/askel-data -H "Cookie: askel_token=$TOKEN" http://localhost:8080/
#
# Runs as root against the embedded server's socket (<data folder>/db/mariadb.sock, root signs in by the
# socket): it turns the server's general log on for the one request and off again. For development only;
# never on a server with other users' traffic (the log would hold their statements too).
set -euo pipefail
DATA_DIR=${1:?data folder of the running service (askel.data-dir)}
shift
SOCKET="$DATA_DIR/db/mariadb.sock"
[[ -S $SOCKET ]] || { echo "No embedded database socket at $SOCKET" >&2; exit 2; }
db() { mariadb -S "$SOCKET" -u root -N "$@"; }
db -e "SET GLOBAL log_output = 'TABLE'; TRUNCATE mysql.general_log; SET GLOBAL general_log = 1"
trap 'db -e "SET GLOBAL general_log = 0"' EXIT
curl -s -o /dev/null -w '%{http_code}\n' "$@"
db -e "SET GLOBAL general_log = 0"
db -e "SELECT thread_id, LEFT(REPLACE(argument, '\n', ' '), 300) FROM mysql.general_log
       WHERE command_type IN ('Query', 'Execute') AND argument NOT LIKE 'SET GLOBAL general_log%' ORDER BY event_time"
