#!/bin/sh
# HAProxy external check for a Galera node (src/bench/cluster.sh; the same works in production): healthy only
# when the node is Synced (wsrep_local_state 4) and ready, so a node that is joining, donating a state
# transfer or cut off from the primary component gets no connections. HAProxy calls it with
# <proxy address> <proxy port> <server address> <server port>; the account needs no privileges.
state=$(mariadb --no-defaults --connect-timeout=2 -h "$3" -P "$4" -u "${GALERA_CHECK_USER:-haproxy_check}" -N -B \
  -e "SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY VARIABLE_NAME) FROM information_schema.GLOBAL_STATUS
      WHERE VARIABLE_NAME IN ('wsrep_local_state', 'wsrep_ready')" 2>/dev/null) || exit 1
[ "$state" = "4,ON" ]
