#!/usr/bin/env bash
# Proves `npm start` works from a checkout nobody else may enter (like one under /root): the
# embedded PostgreSQL must start, /health and /docs/openapi.json must answer, a restart must keep
# the data, and Ctrl-C must leave no process behind.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
private="$(mktemp -d /tmp/circuit-ia-private-XXXXXX)"
chmod 700 "$private"
work="$private/checkout"
port=$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
pgport=$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
cleanup() { [ -n "${pid:-}" ] && kill -INT -- "-$pid" 2>/dev/null || true; sleep 1; rm -rf "$private"; }
trap cleanup EXIT

git clone -q "$src" "$work"
cp -a "$src/node_modules" "$work/node_modules"
cd "$work"

start() {
  # A session of its own, so that Ctrl-C can be imitated by signalling the whole process group.
  PORT=$port EMBEDDED_PG_PORT=$pgport setsid npm start >"$private/start-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$private/start-$1.log"; echo "npm start exited early"; exit 1; }
    sleep 1
  done
  cat "$private/start-$1.log"; echo "npm start did not answer /health within 60 s"; exit 1
}
stop() {
  kill -INT -- "-$pid"
  wait "$pid" || true
  # npm itself exits at once; the app and PostgreSQL take a moment longer.
  for _ in $(seq 1 30); do pgrep -g "$pid" >/dev/null || break; sleep 0.5; done
  if pgrep -g "$pid" >/dev/null; then pgrep -ag "$pid"; echo "processes left behind after Ctrl-C"; exit 1; fi
  grep -q 'Stopped cleanly' "$private/start-$1.log" || { cat "$private/start-$1.log"; echo "no clean stop"; exit 1; }
  pid=
  # The server runs in a process group of its own (the app stops it after draining): the app
  # exits only once it has, so nothing may be left on its port by now.
  if pgrep -f -- "postgres -D .* -p $pgport" >/dev/null; then
    pgrep -af -- "postgres -D .* -p $pgport"; echo "PostgreSQL still running after Ctrl-C"; exit 1
  fi
  if grep -q 'shut down from outside' "$private/start-$1.log"; then
    cat "$private/start-$1.log"; echo "Ctrl-C reached PostgreSQL before the app stopped it"; exit 1
  fi
}

start 1
curl -sf "http://127.0.0.1:$port/docs/openapi.json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const d=JSON.parse(s);if(!d.openapi)process.exit(1)})'
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null
# The demo data of a first start reaches the catalogue through the outbox worker within seconds.
count=0
for _ in $(seq 1 30); do
  count=$(curl -sf "http://127.0.0.1:$port/offerings?q=chatbott&pageSize=1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total))')
  [ "$count" -gt 0 ] && break
  sleep 1
done
[ "$count" -gt 0 ] || { echo "the demo catalogue did not answer a typo search"; exit 1; }
# The web console serves its home page, in French, with the demo offerings.
# Read whole, then searched: `curl | grep -q` fails under pipefail when grep stops reading early.
home=$(curl -sf "http://127.0.0.1:$port/app") && grep -q '<html lang="fr"' <<<"$home" || { echo "the web console did not answer /app"; exit 1; }
found=$(curl -sf "http://127.0.0.1:$port/app/catalogue?q=chatbott") && grep -q '/app/offres/' <<<"$found" || { echo "the console catalogue did not find the demo offerings"; exit 1; }
datadir=$(grep -o 'data in [^)]*' "$private/start-1.log" | head -1 || true)
grep -q 'API documentation: http://localhost' "$private/start-1.log" || { echo "start did not say where /docs is"; exit 1; }
psql_url="postgres://circuit:circuit-local-only@127.0.0.1:$pgport/circuit_ia"
node -e "const pg=require('pg');const c=new pg.Client('$psql_url');c.connect().then(()=>c.query('CREATE TABLE smoke_kept (v int); INSERT INTO smoke_kept VALUES (42)')).then(()=>c.end())"
stop 1
start 2
kept=$(node -e "const pg=require('pg');const c=new pg.Client('$psql_url');c.connect().then(()=>c.query('SELECT v FROM smoke_kept')).then(r=>{console.log(r.rows[0].v);return c.end()})")
stop 2
[ "$kept" = "42" ] || { echo "data was not kept across a restart"; exit 1; }
# The fallback data folder (a private checkout) is keyed by the checkout path: remove it.
fallback=$(grep -o '/var/tmp/circuit-ia-[0-9a-f]*' "$private/start-1.log" | head -1 || true)
[ -n "$fallback" ] && rm -rf "$fallback"
echo "npm start smoke test passed from $work (${datadir:-data dir in checkout})"
