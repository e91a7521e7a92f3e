#!/usr/bin/env bash
# Start a local PostgreSQL for the store tests and print the URL to use.
#
#   eval "$(.ci/pg.sh)"        # or: source .ci/pg.sh
#
# Idempotent and quick when the server is already installed and running: installs Debian's
# `postgresql` only when no server binaries exist, starts the newest cluster (listening on 127.0.0.1
# only), creates role storyline/storyline and database storyline_test if missing, then prints
#   export STORYLINE_TEST_PG=postgresql://storyline:storyline@127.0.0.1:5432/storyline_test
# Needs root (apt-get, su postgres). Diagnostics go to stderr so the stdout line can be eval'd.
_storyline_pg_line="$(
set -euo pipefail
log() { echo "pg.sh: $*" >&2; }

server_bin() { ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n1; }

if ! command -v pg_ctlcluster >/dev/null || [ -z "$(server_bin)" ]; then
    log "installing postgresql (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi

bin="$(server_bin)"
version="$(basename "$(dirname "$(dirname "$bin")")")"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    log "creating cluster $version/main"
    pg_createcluster "$version" main >&2
fi

conf="/etc/postgresql/$version/main/postgresql.conf"
if ! grep -q "^listen_addresses = '127.0.0.1'" "$conf"; then
    echo "listen_addresses = '127.0.0.1'" >>"$conf"
    pg_ctlcluster "$version" main stop >/dev/null 2>&1 || true
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    log "starting cluster $version/main"
    pg_ctlcluster "$version" main start >&2
fi

port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
psql_su() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qAtX $*"; }

for _ in $(seq 1 50); do
    psql_su "-c 'select 1'" >/dev/null 2>&1 && break
    sleep 0.2
done
if [ "$(psql_su "-c \"select 1 from pg_roles where rolname = 'storyline'\"")" != "1" ]; then
    log "creating role storyline"
    psql_su "-c \"create role storyline login createdb password 'storyline'\"" >&2
fi
if [ "$(psql_su "-c \"select 1 from pg_database where datname = 'storyline_test'\"")" != "1" ]; then
    log "creating database storyline_test"
    psql_su "-c \"create database storyline_test owner storyline\"" >&2
fi
echo "export STORYLINE_TEST_PG=postgresql://storyline:storyline@127.0.0.1:$port/storyline_test"
)" || { echo "pg.sh: failed to start PostgreSQL" >&2; return 1 2>/dev/null || exit 1; }
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    eval "$_storyline_pg_line"   # sourced: export into the caller's shell
fi
echo "$_storyline_pg_line"
unset _storyline_pg_line
