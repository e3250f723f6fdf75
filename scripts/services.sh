#!/usr/bin/env bash
# The real services the tests run against: a throw-away PostgreSQL 15 cluster and a Redis
# server, on loopback ports chosen here, with all data under build/services/.
# Never touches a system-wide PostgreSQL or Redis.
#
#   scripts/services.sh start && source build/services/env   # SNAI_TEST_DATABASE_URL, SNAI_TEST_REDIS_URL
#   scripts/services.sh env                                   # prints the env file
#   scripts/services.sh stop                                  # stops both, removes the data; safe to repeat
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir="$root/build/services"
pg_bin=/usr/lib/postgresql/15/bin
redis_dir="$dir/redis"
env_file="$dir/env"
state_file="$dir/state"     # ports of the running services
pg_dir_file="$dir/pg_dir"   # where the PostgreSQL cluster lives (see choose_pg_dir)
wait_s=${SNAI_SERVICES_WAIT_S:-30}

log() { echo "services: $*" >&2; }
die() {
  log "$*"
  exit 1
}

# True when nothing listens on 127.0.0.1:PORT (checked with ss and by trying to connect).
port_is_free() {
  local port=$1
  if ss -ltnH 2>/dev/null | awk '{print $4}' | grep -Eq "[:.]${port}\$"; then return 1; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 1; fi
  return 0
}

pick_port() {
  local avoid=${1:-0} port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    [[ $port == "$avoid" ]] && continue
    if port_is_free "$port"; then
      echo "$port"
      return 0
    fi
  done
  die "no free TCP port found on 127.0.0.1"
}

as_postgres() { runuser -u postgres -- "$@"; }

# Kills the pid in a pid file, but only while that pid is still the program we started.
kill_pidfile() {
  local file=$1 comm=$2 pid
  [[ -f $file ]] || return 0
  pid=$(head -n1 "$file" 2>/dev/null | tr -dc '0-9')
  [[ -n $pid && -d /proc/$pid ]] || return 0
  grep -q "$comm" "/proc/$pid/comm" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    [[ -d /proc/$pid ]] || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

show_tail() {
  local file=$1
  if [[ -f $file ]]; then
    log "last lines of $file:"
    tail -n 25 "$file" | sed 's/^/    /' >&2
  fi
}

# build/services/pg, unless the postgres user cannot reach it (a checkout under a private
# home) or it is too deep for a Unix socket path (107 bytes): then a private dir under /tmp.
choose_pg_dir() {
  local candidate="$dir/pg"
  mkdir -p "$candidate"
  chown postgres:postgres "$candidate"
  if ((${#candidate} <= 80)) && as_postgres test -w "$candidate" 2>/dev/null; then
    echo "$candidate"
  else
    rm -rf "$candidate"
    mktemp -d /tmp/snai-services-pg.XXXXXX
  fi
}

stop_services() {
  local pg_dir="" redis_port=""
  if [[ -f $pg_dir_file ]]; then
    pg_dir=$(cat "$pg_dir_file")
  elif [[ -d $dir/pg ]]; then
    pg_dir="$dir/pg"
  fi
  [[ -f $state_file ]] && redis_port=$(sed -n 's/^REDIS_PORT=//p' "$state_file")

  # A postmaster that is still starting (pg_ctl gave up waiting) writes its pid file late.
  if [[ -n $pg_dir && -f $pg_dir/data/PG_VERSION && ! -f $pg_dir/data/postmaster.pid ]]; then
    for _ in $(seq 1 20); do
      [[ -f $pg_dir/data/postmaster.pid ]] && break
      sleep 0.1
    done
  fi
  if [[ -n $pg_dir && -f $pg_dir/data/postmaster.pid ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w -t 20 stop >/dev/null 2>&1 ||
      log "pg_ctl stop failed; killing the postmaster"
    kill_pidfile "$pg_dir/data/postmaster.pid" postgres
  fi

  if [[ -n $redis_port && -f $redis_dir/redis.pid ]]; then
    timeout 5 redis-cli -h 127.0.0.1 -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  fi
  kill_pidfile "$redis_dir/redis.pid" redis

  # Only a dir this script made: build/services/pg or /tmp/snai-services-pg.*.
  local doomed=("$dir")
  [[ $pg_dir == /tmp/snai-services-pg.* ]] && doomed+=("$pg_dir")
  for _ in 1 2 3 4 5; do
    rm -rf "${doomed[@]}" 2>/dev/null && return 0
    sleep 0.5  # a process that is shutting down may still be writing
  done
  log "could not remove ${doomed[*]}"
  return 1
}

wait_for() {
  local what=$1 logfile=$2
  shift 2
  local deadline=$((SECONDS + wait_s))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "$what did not answer within ${wait_s}s"
      show_tail "$logfile"
      return 1
    fi
    sleep 0.2
  done
}

start_postgres() {
  local port=$1 password=$2 pg_dir
  pg_dir=$(choose_pg_dir)
  echo "$pg_dir" >"$pg_dir_file"
  mkdir -p "$pg_dir/sock"
  printf '%s\n' "$password" >"$pg_dir/pwfile"
  chown -R postgres:postgres "$pg_dir"
  chmod 700 "$pg_dir"

  if ! as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-host=scram-sha-256 --auth-local=trust --pwfile="$pg_dir/pwfile" --no-sync \
    >"$dir/initdb.log" 2>&1; then
    log "initdb failed"
    show_tail "$dir/initdb.log"
    return 1
  fi
  rm -f "$pg_dir/pwfile"

  local opts="-c listen_addresses=127.0.0.1 -p $port -k $pg_dir/sock -c fsync=off"
  opts+=" -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  if ! as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -o "$opts" \
    -w -t "$wait_s" start >/dev/null 2>&1; then
    log "PostgreSQL did not start on 127.0.0.1:$port"
    show_tail "$pg_dir/postgres.log"
    return 1
  fi
  wait_for "PostgreSQL on 127.0.0.1:$port" "$pg_dir/postgres.log" \
    "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres
}

start_redis() {
  local port=$1
  mkdir -p "$redis_dir"
  if ! redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" >/dev/null 2>&1; then
    log "redis-server did not start on 127.0.0.1:$port"
    show_tail "$redis_dir/redis.log"
    return 1
  fi
  wait_for "Redis on 127.0.0.1:$port" "$redis_dir/redis.log" \
    bash -c "[[ \$(redis-cli -h 127.0.0.1 -p $port ping) == PONG ]]"
}

start_services() {
  [[ -x $pg_bin/initdb ]] || die "PostgreSQL 15 is not installed ($pg_bin/initdb); run scripts/install-deps.sh"
  command -v redis-server >/dev/null || die "redis-server is not installed; run scripts/install-deps.sh"
  id postgres >/dev/null 2>&1 || die "the postgres system user does not exist (Debian's postgresql-15 creates it)"

  local attempt pg_port redis_port password
  for attempt in 1 2 3; do
    stop_services  # leftovers from an earlier run or attempt
    mkdir -p "$dir"
    pg_port=$(pick_port)
    redis_port=$(pick_port "$pg_port")
    password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf 'PG_PORT=%s\nREDIS_PORT=%s\n' "$pg_port" "$redis_port" >"$state_file"
    if start_postgres "$pg_port" "$password" && start_redis "$redis_port"; then
      (
        umask 077  # the file holds the password
        {
          echo "export SNAI_TEST_DATABASE_URL=postgres://postgres:$password@127.0.0.1:$pg_port/postgres"
          echo "export SNAI_TEST_REDIS_URL=redis://127.0.0.1:$redis_port"
        } >"$env_file"
      )
      log "PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port; source $env_file"
      return 0
    fi
    # A port taken between choosing and binding is the likely cause: try other ports.
    log "start attempt $attempt failed"
  done
  stop_services
  die "could not start PostgreSQL and Redis (see the log lines above)"
}

case "${1:-}" in
  start) start_services ;;
  stop) stop_services ;;
  env)
    [[ -f $env_file ]] || die "services are not running; run: scripts/services.sh start"
    cat "$env_file"
    ;;
  *)
    echo "usage: $0 start|stop|env" >&2
    exit 2
    ;;
esac
