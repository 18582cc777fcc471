#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks, in a directory of its own:
# listening on loopback (127.0.0.1:PORT) and on a Unix socket in that directory, trust
# authentication, database `redline`. Run as root, the server runs as the `postgres` user.
#   bash Tests/Postgres/cluster.sh start DIR [PORT [OWNER_PID]]   prints the store address (postgres://…)
#   bash Tests/Postgres/cluster.sh stop DIR | restart DIR | kill DIR
# With OWNER_PID, a watcher stops the cluster and removes DIR once that process has ended, however
# it ended (the test processes pass theirs: a run killed mid-way leaves no server behind).
# .ci/run starts one and exports REDLINE_TEST_POSTGRES; the store tests start their own when
# that is unset and PostgreSQL's programs are installed.
set -euo pipefail
self=$(realpath "$0")
command=$1
dir=$(realpath -m "$2")
port=${3:-55432}
owner=${4:-}
bin=$(dirname "$(realpath "$(command -v pg_ctl 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1)")")
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
cd /  # the server's user may not be able to enter the working directory
owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $command in
start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir" && chmod 755 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log"
    fi
    owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
    if ! owner "$bin/createdb" -h "$dir" -p "$port" -U postgres redline 2>"$dir/createdb.log"; then
        if ! grep -q "already exists" "$dir/createdb.log"; then
            cat "$dir/createdb.log" >&2
            owner "$bin/pg_ctl" -D "$dir/data" -w -m fast stop >/dev/null
            exit 2
        fi
    fi
    if [ -n "$owner" ]; then
        setsid bash -c "while kill -0 $owner 2>/dev/null; do sleep 2; done; bash '$self' stop '$dir'; rm -rf '$dir'" \
            </dev/null >/dev/null 2>&1 &
    fi
    echo "postgres://postgres@127.0.0.1:$port/redline"
    ;;
stop) owner "$bin/pg_ctl" -D "$dir/data" -w -m fast stop >/dev/null ;;
restart) owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -m fast restart >/dev/null ;;
kill) owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null ;;
*) echo "usage: cluster.sh start|stop|restart|kill DIR [PORT]" >&2; exit 2 ;;
esac
