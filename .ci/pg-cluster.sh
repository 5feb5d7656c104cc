# A throwaway PostgreSQL server for the tests (source this file, then call the functions).
#
#   pg_cluster_start   installs Debian's postgresql package when no server binaries are found (root + apt),
#                      makes a cluster in a temporary folder owned by an unprivileged user, starts it on a
#                      free loopback port and exports GRIDKEEPER_TEST_PG=postgresql://postgres:PW@127.0.0.1:PORT/postgres
#   pg_cluster_stop    stops the server and removes the folder (safe to call twice; use it in a trap)
#
# The cluster is tuned for tests only (fsync off): it is deleted at the end of the run.

_pg_bin_dir() {
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && best="$dir"  # the glob sorts: the last is the newest
  done
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    best="$(dirname "$(command -v initdb)")"
  fi
  printf '%s' "$best"
}

_pg_install() {
  if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != "0" ]; then
    echo "pg-cluster: PostgreSQL is not installed and cannot be installed here (needs root and apt-get)" >&2
    return 1
  fi
  # Debian's postinst would create and start a system cluster; the tests want only their own.
  mkdir -p /etc/postgresql-common
  grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf \
    || echo "create_main_cluster = false" >> /etc/postgresql-common/createcluster.conf
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

_pg_as_owner() {  # run a command as the cluster's owner (PostgreSQL refuses to run as root)
  if [ "$(id -u)" = "0" ]; then
    runuser -u "$PG_CLUSTER_USER" -- "$@"
  else
    "$@"
  fi
}

pg_cluster_start() {
  local bin port password
  bin="$(_pg_bin_dir)"
  if [ -z "$bin" ]; then
    _pg_install || return 1
    bin="$(_pg_bin_dir)"
    [ -n "$bin" ] || { echo "pg-cluster: postgresql installed but initdb/pg_ctl not found" >&2; return 1; }
  fi
  PG_CLUSTER_BIN="$bin"
  PG_CLUSTER_USER="nobody"
  PG_CLUSTER_DIR="$(mktemp -d /tmp/gridkeeper-pg.XXXXXX)"
  chmod 755 "$PG_CLUSTER_DIR"
  mkdir "$PG_CLUSTER_DIR/data" "$PG_CLUSTER_DIR/socket"
  password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  printf '%s\n' "$password" > "$PG_CLUSTER_DIR/pwfile"
  if [ "$(id -u)" = "0" ]; then
    chown -R "$PG_CLUSTER_USER" "$PG_CLUSTER_DIR"
  fi
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  # Passwords over TCP (as an office server would ask), trust only on the private socket.
  _pg_as_owner "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U postgres --pwfile="$PG_CLUSTER_DIR/pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$PG_CLUSTER_DIR/initdb.log" 2>&1 \
    || { cat "$PG_CLUSTER_DIR/initdb.log" >&2; return 1; }
  _pg_as_owner "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_CLUSTER_DIR/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_CLUSTER_DIR/server.log" >&2; return 1; }
  PG_CLUSTER_PORT="$port"
  export GRIDKEEPER_TEST_PG="postgresql://postgres:${password}@127.0.0.1:${port}/postgres"
  # The server's own pg_dump/pg_restore (backup tests) come first on PATH.
  export PATH="$bin:$PATH"
  echo "pg-cluster: PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_CLUSTER_DIR)"
}

pg_cluster_stop() {
  if [ -n "${PG_CLUSTER_DIR:-}" ] && [ -d "$PG_CLUSTER_DIR" ]; then
    _pg_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_CLUSTER_DIR"
  fi
  PG_CLUSTER_DIR=""
}
