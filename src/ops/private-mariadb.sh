#!/usr/bin/env bash
# A throwaway MariaDB server of the host's packages (Debian's mariadb-server) in a folder of its own,
# on its own port and socket, for tests: never the system service, never /var/lib/mysql.
#   src/ops/private-mariadb.sh start DIR PORT   initialises DIR on first use, starts mariadbd, waits
#   src/ops/private-mariadb.sh stop DIR         stops the server started in DIR (by its PID file)
# root connects through DIR/mariadb.sock without a password (unix_socket); tests connect over TCP
# as users they create.
set -euo pipefail
cmd=${1:?start|stop}; dir=$(realpath -m "${2:?DIR}")
pidfile="$dir/mariadbd.pid"; sock="$dir/mariadb.sock"
case "$cmd" in
start)
  port=${3:?PORT}
  command -v mariadbd >/dev/null || PATH=$PATH:/usr/sbin
  mkdir -p "$dir/data" "$dir/tmp"
  user_args=()
  if [ "$(id -u)" = 0 ]; then user_args=(--user=root); fi
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=socket \
      --skip-test-db "${user_args[@]}" >"$dir/install.log" 2>&1
  fi
  mariadbd --no-defaults --datadir="$dir/data" --tmpdir="$dir/tmp" --socket="$sock" --port="$port" \
    --bind-address=127.0.0.1 --pid-file="$pidfile" --log-error="$dir/error.log" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=128M \
    --skip-name-resolve "${user_args[@]}" >/dev/null 2>&1 &
  for _ in $(seq 1 120); do
    if mariadb --no-defaults -S "$sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
      echo "MariaDB $(mariadb --no-defaults -S "$sock" -uroot -N -e 'SELECT VERSION()') on 127.0.0.1:$port, socket $sock"
      exit 0
    fi
    sleep 1
  done
  echo "mariadbd did not start in $dir; see $dir/error.log" >&2
  tail -20 "$dir/error.log" >&2 || true
  exit 1
  ;;
stop)
  if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 1; done
    echo "mariadbd $pid did not stop" >&2; exit 1
  fi
  ;;
*) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
