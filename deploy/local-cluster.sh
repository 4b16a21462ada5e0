#!/usr/bin/env bash
# local-cluster.sh - run a TrtOrleans cluster on this machine without containers:
# one Redis (append-only file) or a 3-master Redis Cluster, N silos, M gateways and nginx as the front.
#
# Usage: deploy/local-cluster.sh COMMAND [N]
#   up               build Release (once), start everything, wait until ready, print URLs and pids
#   down             stop exactly the processes this script started (pid + command line checked)
#   restart          restart all silos and gateways (Redis and nginx untouched), wait until ready
#   kill-silo N      SIGKILL silo N (a crash), prints its pid
#   start-silo N     start silo N again and wait until it is ready
#   stop-silo N      stop silo N gracefully (SIGTERM, SIGKILL after TRT_STOP_GRACE): rolling upgrades
#   kill-gateway N   SIGKILL gateway N, prints its pid
#   start-gateway N  start gateway N again and wait until it is ready
#   stop-gateway N   stop gateway N gracefully
#   stop-redis       stop Redis (every node of the Redis Cluster) cleanly (SIGTERM: Redis flushes
#                    the append-only file first)
#   start-redis      start Redis (every node) again on the same data directory
#   restart-redis    stop-redis + start-redis
#   status           one line per component: pid, alive, ports, ready
#   keyring          print the key ring file's path, making it first if absent (`up` does too)
#
# `up` prints KEY=value lines on stdout (progress goes to stderr), so
#   eval "$(deploy/local-cluster.sh up)"
# sets REDIS_URL, GATEWAY_URL, GATEWAY_<n>_URL and <COMPONENT>_PID in the calling shell.
#
# Environment variables (all optional; the defaults are shown):
#   TRT_PORT=8090               nginx front on 127.0.0.1:$TRT_PORT (the one URL clients use)
#   TRT_SILOS=2                 number of silos
#   TRT_GATEWAYS=2              number of gateways (Orleans clients serving the HTTP API)
#   TRT_REDIS_PORT=6390         Redis port on 127.0.0.1 (not 6379, to leave a system Redis alone)
#   TRT_REDIS_PASSWORD=         Redis password; empty = none (Redis still listens on loopback only)
#   TRT_REDIS_CLUSTER=          1 = a Redis Cluster of TRT_REDIS_MASTERS masters (no replicas) instead of one
#                               Redis, node n on TRT_REDIS_PORT+n-1 (bus port TRT_REDIS_BUS_PORT_BASE+n-1);
#                               REDIS_URL then lists every node: redis://127.0.0.1:6390,127.0.0.1:6391,...
#   TRT_REDIS_MASTERS=3         masters of the Redis Cluster (at least 3, as redis-cli requires)
#   TRT_REDIS_BUS_PORT_BASE=    cluster bus port of node 1 (default TRT_REDIS_PORT+10000)
#   TRT_SILO_PORT_BASE=11111    silo n listens for silo-to-silo traffic on BASE+n-1
#   TRT_GATEWAY_PORT_BASE=30000 silo n accepts Orleans clients (the gateways) on BASE+n-1
#   TRT_SILO_HTTP_BASE=8190     silo n serves /health/live and /health/ready on BASE+n-1
#   TRT_GW_HTTP_BASE=8091       gateway n serves the API on BASE+n-1 (GATEWAY_<n>_URL)
#   TRT_CLUSTER_ID=trt-local    Orleans ClusterId; two clusters with equal ids on one Redis merge,
#   TRT_SERVICE_ID=trt-orleans  Orleans ServiceId   so give every concurrent cluster its own ids
#   TRT_ADMIN_KEY=              if set, gateways require API keys and this key is an admin key
#                               (client id "local-admin"); only its SHA-256 is passed to them.
#                               Keys configured as Auth__Keys__<i>__* in the environment of `up`
#                               are kept too: the admin key takes the next free index, never
#                               overwriting one of them. `up` records all keys (hashes only) in
#                               cluster.env, so `restart` or `start-gateway` from any shell brings
#                               gateways back with exactly the keys the cluster was started with.
#   TRT_APPENDFSYNC=everysec    Redis appendfsync. everysec: a machine crash loses at most ~1 s
#                               of writes while every grain write stays at memory speed; "always"
#                               loses nothing acknowledged but makes each write wait for the disk;
#                               "no" leaves flushing to the OS (~30 s at risk)
#   TRT_NO_BUILD=               1 = skip `dotnet build` in `up` (use the existing Release output)
#   TRT_READY_TIMEOUT=120       seconds to wait for a component's /health/ready
#   TRT_STOP_GRACE=30           seconds between SIGTERM and SIGKILL when stopping a process
#   TRT_RUN_DIR=<repo>/.run     where state, logs, pid files and Redis data live
#   TRT_LC_TAG                  not read from your environment: set by this script on every
#                               silo and gateway it starts, so that `down` recognises its own
#                               processes (checked in /proc/<pid>/environ besides the command line)
#   TRT_CLUSTER_DOWN            not read from your environment: `down` appends TRT_CLUSTER_DOWN=1 to
#                               cluster.env, which is kept so that `status` probes the same ports
#
# Other variables in your environment (e.g. Ollama__BaseUrl, Ollama__ChatModel) are passed
# through to silos and gateways unchanged; without Ollama the engine runs deterministically.
#
# State lives in <repo>/.run/ (ignored by git): redis/ (data, append-only file), logs/,
# pids/, nginx/ (rendered nginx.conf, its pid file and logs) and cluster.env (the settings
# of the running cluster: later commands use it, so `start-silo 1` needs no environment,
# and `status` after `down` still probes the ports the cluster had) and keyring.json (mode 600:
# the key ring of encryption at rest, made on the first `up` and passed to silos and gateways as
# Storage__Encryption__KeyRingFile; never regenerated, since the stored sessions need it).
# `up` checks every port it will use (taken, or planned twice by overlapping ranges) before
# it builds anything.
# `down` keeps the Redis data and the key ring; `rm -rf .run` after `down` starts from nothing.
#
# Requires: dotnet, redis-server, redis-cli, nginx, curl (apt-get install -y redis-server nginx curl).
# Works as root and as an ordinary user; nothing refers to a root-only path.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
RUN_DIR="${TRT_RUN_DIR:-$REPO_ROOT/.run}"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
REDIS_DIR="$RUN_DIR/redis"
NGINX_DIR="$RUN_DIR/nginx"
STATE_FILE="$RUN_DIR/cluster.env"
KEYRING_FILE="$RUN_DIR/keyring.json"
SILO_DLL="$REPO_ROOT/src/Silo/bin/Release/net10.0/TrtOrleans.Silo.dll"
GATEWAY_DLL="$REPO_ROOT/src/Gateway/bin/Release/net10.0/TrtOrleans.Gateway.dll"

log() { printf '[local-cluster] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# The running cluster's settings win over the environment: `start-silo 2` must use the
# ports the cluster was started with, whatever the caller's environment says now.
# After `down` the file stays, marked TRT_CLUSTER_DOWN=1, so `status` still probes the ports the
# cluster was started with (not the defaults) and says that it is down.
CMD="${1:-}"
TRT_CLUSTER_DOWN=
if [[ "$CMD" != "up" && -f "$STATE_FILE" ]]; then
    # shellcheck disable=SC1090
    source "$STATE_FILE"
fi

TRT_PORT="${TRT_PORT:-8090}"
TRT_SILOS="${TRT_SILOS:-2}"
TRT_GATEWAYS="${TRT_GATEWAYS:-2}"
TRT_REDIS_PORT="${TRT_REDIS_PORT:-6390}"
TRT_REDIS_PASSWORD="${TRT_REDIS_PASSWORD:-}"
TRT_REDIS_CLUSTER="${TRT_REDIS_CLUSTER:-}"
TRT_REDIS_MASTERS="${TRT_REDIS_MASTERS:-3}"
TRT_REDIS_BUS_PORT_BASE="${TRT_REDIS_BUS_PORT_BASE:-$((TRT_REDIS_PORT + 10000))}"
TRT_SILO_PORT_BASE="${TRT_SILO_PORT_BASE:-11111}"
TRT_GATEWAY_PORT_BASE="${TRT_GATEWAY_PORT_BASE:-30000}"
TRT_SILO_HTTP_BASE="${TRT_SILO_HTTP_BASE:-8190}"
TRT_GW_HTTP_BASE="${TRT_GW_HTTP_BASE:-8091}"
TRT_CLUSTER_ID="${TRT_CLUSTER_ID:-trt-local}"
TRT_SERVICE_ID="${TRT_SERVICE_ID:-trt-orleans}"
TRT_ADMIN_KEY="${TRT_ADMIN_KEY:-}"
# Auth__Keys__* settings of the cluster, one NAME=value per line: from the environment at `up`,
# from cluster.env afterwards (the caller's environment then no longer matters).
if [[ "$CMD" == "up" || -z "${LC_AUTH_KEYS+x}" ]]; then
    LC_AUTH_KEYS="$(env | grep -E '^Auth__Keys__[0-9]+__(ClientId|Role|Sha256)=' | sort || true)"
fi
TRT_APPENDFSYNC="${TRT_APPENDFSYNC:-everysec}"
TRT_NO_BUILD="${TRT_NO_BUILD:-}"
TRT_READY_TIMEOUT="${TRT_READY_TIMEOUT:-120}"
TRT_STOP_GRACE="${TRT_STOP_GRACE:-30}"

for v in TRT_PORT TRT_SILOS TRT_GATEWAYS TRT_REDIS_PORT TRT_REDIS_MASTERS TRT_REDIS_BUS_PORT_BASE \
         TRT_SILO_PORT_BASE TRT_GATEWAY_PORT_BASE TRT_SILO_HTTP_BASE TRT_GW_HTTP_BASE TRT_READY_TIMEOUT TRT_STOP_GRACE; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a number (got '${!v}')"
done
case "$TRT_REDIS_CLUSTER" in ""|0|1) ;; *) die "TRT_REDIS_CLUSTER must be empty, 0 or 1";; esac
[[ "$TRT_REDIS_CLUSTER" != 1 ]] || ((TRT_REDIS_MASTERS >= 3)) || die "TRT_REDIS_MASTERS must be at least 3"
case "$TRT_APPENDFSYNC" in always|everysec|no) ;; *) die "TRT_APPENDFSYNC must be always, everysec or no";; esac

# ---------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------

require_tools() {
    local missing=()
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v redis-cli >/dev/null || missing+=(redis-cli)
    command -v nginx >/dev/null || missing+=(nginx)
    command -v curl >/dev/null || missing+=(curl)
    if ((${#missing[@]})); then
        die "missing: ${missing[*]} - install with: apt-get install -y redis-server nginx curl"
    fi
    command -v dotnet >/dev/null || die "dotnet not found on PATH"
}

silo_port()      { echo $((TRT_SILO_PORT_BASE + $1 - 1)); }
silo_gw_port()   { echo $((TRT_GATEWAY_PORT_BASE + $1 - 1)); }
silo_http_port() { echo $((TRT_SILO_HTTP_BASE + $1 - 1)); }
gw_http_port()   { echo $((TRT_GW_HTTP_BASE + $1 - 1)); }

# Percent-encode a password for use inside a URL.
urlencode() {
    local s="$1" out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c="${s:i:1}"
        case "$c" in [A-Za-z0-9._~-]) out+="$c" ;; *) out+=$(printf '%%%02X' "'$c") ;; esac
    done
    printf '%s' "$out"
}

redis_url() {
    if [[ "$TRT_REDIS_CLUSTER" == 1 ]]; then
        # Every node as a seed: the client discovers the slot map from any of them.
        local auth="" nodes="" n
        [[ -z "$TRT_REDIS_PASSWORD" ]] || auth=":$(urlencode "$TRT_REDIS_PASSWORD")@"
        for ((n = 1; n <= TRT_REDIS_MASTERS; n++)); do nodes+="${nodes:+,}127.0.0.1:$(redis_node_port "$n")"; done
        echo "redis://$auth$nodes"
    elif [[ -n "$TRT_REDIS_PASSWORD" ]]; then
        echo "redis://:$(urlencode "$TRT_REDIS_PASSWORD")@127.0.0.1:$TRT_REDIS_PORT/0"
    else
        echo "redis://127.0.0.1:$TRT_REDIS_PORT/0"
    fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Every port `up` will listen on, as "port name" lines.
planned_ports() {
    local n
    echo "$TRT_PORT nginx (TRT_PORT)"
    echo "$TRT_REDIS_PORT redis (TRT_REDIS_PORT)"
    for ((n = 1; n <= TRT_SILOS; n++)); do
        echo "$(silo_port "$n") silo-$n silo port (TRT_SILO_PORT_BASE)"
        echo "$(silo_gw_port "$n") silo-$n gateway port (TRT_GATEWAY_PORT_BASE)"
        echo "$(silo_http_port "$n") silo-$n http (TRT_SILO_HTTP_BASE)"
    done
    for ((n = 1; n <= TRT_GATEWAYS; n++)); do
        echo "$(gw_http_port "$n") gateway-$n http (TRT_GW_HTTP_BASE)"
    done
}

# Fails with every problem at once: ports planned twice (overlapping bases) and ports taken.
check_ports() {
    local problems=() port name
    local -A planned=()
    while read -r port name; do
        if [[ -n "${planned[$port]:-}" ]]; then
            problems+=("port $port is planned for both ${planned[$port]} and $name")
        else
            planned[$port]="$name"
        fi
        if ((port < 1 || port > 65535)); then
            problems+=("port $port for $name is out of range")
        elif port_in_use "$port"; then
            problems+=("port $port for $name is already in use")
        fi
    done < <(planned_ports)
    if ((${#problems[@]})); then
        local p
        for p in "${problems[@]}"; do log "error: $p"; done
        die "${#problems[@]} port problem(s); change the port settings named above or stop what holds them"
    fi
}

# A process killed a moment ago may still hold its sockets for a short while after it is
# gone from the process table: give a port up to 5 s to be released before calling it taken.
port_stays_in_use() {
    local i
    for ((i = 0; i < 50; i++)); do
        port_in_use "$1" || return 1
        sleep 0.1
    done
    return 0
}

# Alive = the process exists and is not a zombie (a child of this very script that has
# exited but not yet been reaped still has a /proc entry).
is_alive() {
    local pid="$1" state
    [[ -r "/proc/$pid/stat" ]] || return 1
    state=$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
    [[ "$state" != "Z" && "$state" != "X" ]]
}

# A pid file holds three lines: the pid, a string its command line must contain, and an
# optional TRT_LC_TAG value its environment must contain. Only when both match is the
# process ours: a pid reused by an unrelated process is never signalled.
write_pid_file() { printf '%s\n%s\n%s\n' "$2" "$3" "${4:-}" >"$PID_DIR/$1.pid"; }
pid_of() { [[ -f "$PID_DIR/$1.pid" ]] && sed -n 1p "$PID_DIR/$1.pid"; }

is_ours() {
    local name="$1" file="$PID_DIR/$1.pid" pid match tag cmdline
    [[ -f "$file" ]] || return 1
    pid=$(sed -n 1p "$file"); match=$(sed -n 2p "$file"); tag=$(sed -n 3p "$file")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    is_alive "$pid" || return 1
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ "$cmdline" == *"$match"* ]] || return 1
    if [[ -n "$tag" ]]; then
        tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "TRT_LC_TAG=$tag" || return 1
    fi
    return 0
}

wait_gone() {
    local pid="$1" timeout="$2" i
    for ((i = 0; i < timeout * 10; i++)); do
        is_alive "$pid" || return 0
        sleep 0.1
    done
    return 1
}

# stop_component NAME SIGNAL: signal the recorded process if it is ours; SIGTERM is
# followed by SIGKILL after TRT_STOP_GRACE seconds. Removes the pid file either way.
stop_component() {
    local name="$1" sig="${2:-TERM}" pid children=()
    [[ -f "$PID_DIR/$name.pid" ]] || return 0
    pid=$(pid_of "$name")
    if ! is_ours "$name"; then
        log "$name: pid $pid is gone or is not the process we started; not signalling it"
        rm -f "$PID_DIR/$name.pid"
        return 0
    fi
    # nginx workers are children of the master: remember them in case the master has to be
    # SIGKILLed, which would orphan them.
    mapfile -t children < <(ps -o pid= --ppid "$pid" 2>/dev/null | tr -d ' ')
    if [[ "$sig" == KILL ]]; then
        kill -KILL "$pid" 2>/dev/null || true
        wait_gone "$pid" 5 || log "$name: pid $pid still present after SIGKILL"
    else
        kill -TERM "$pid" 2>/dev/null || true
        if ! wait_gone "$pid" "$TRT_STOP_GRACE"; then
            log "$name: pid $pid ignored SIGTERM for ${TRT_STOP_GRACE}s, sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 5 || log "$name: pid $pid still present after SIGKILL"
        fi
    fi
    local c
    for c in "${children[@]}"; do
        [[ -n "$c" ]] || continue
        if is_alive "$c" && [[ "$(ps -o ppid= -p "$c" 2>/dev/null | tr -d ' ')" == "1" ]]; then
            kill -KILL "$c" 2>/dev/null || true
        fi
    done
    rm -f "$PID_DIR/$name.pid"
    log "$name: stopped (pid $pid, SIG$sig)"
}

wait_http_ready() {
    local name="$1" url="$2" pid="${3:-}" deadline=$((SECONDS + TRT_READY_TIMEOUT))
    while ((SECONDS < deadline)); do
        if curl -fsS -m 3 -o /dev/null "$url" 2>/dev/null; then
            log "$name: ready ($url)"
            return 0
        fi
        if [[ -n "$pid" ]] && ! is_alive "$pid"; then
            log "$name: process $pid exited before becoming ready; last log lines:"
            tail -n 25 "$LOG_DIR/$name.log" >&2 2>/dev/null || true
            return 1
        fi
        sleep 0.5
    done
    log "$name: not ready after ${TRT_READY_TIMEOUT}s ($url); last log lines:"
    tail -n 25 "$LOG_DIR/$name.log" >&2 2>/dev/null || true
    return 1
}

ensure_dirs() {
    mkdir -p "$PID_DIR" "$LOG_DIR" "$REDIS_DIR" "$NGINX_DIR/logs" "$NGINX_DIR/temp"
    chmod 700 "$RUN_DIR" "$REDIS_DIR"
}

# The key ring of encryption at rest (silos refuse Redis without one). Made once, on the first
# `up`, and never replaced: a new key would leave every stored session unreadable. Mode 600.
ensure_keyring() {
    [[ -s "$KEYRING_FILE" ]] && return 0
    local key tmp="$KEYRING_FILE.tmp.$$"
    key=$(head -c 32 /dev/urandom | base64 | tr -d '\n') # same as `openssl rand -base64 32`
    (umask 077 && printf '{"primary_key_id": "local-1", "keys": {"local-1": "%s"}}\n' "$key" >"$tmp")
    chmod 600 "$tmp"
    mv -n "$tmp" "$KEYRING_FILE" || true # -n: another `up` that made one first wins
    rm -f "$tmp"
    log "made the key ring $KEYRING_FILE (kept across down/up; losing it makes stored sessions unreadable)"
}

require_keyring() {
    [[ -s "$KEYRING_FILE" ]] || die "$KEYRING_FILE is missing: stored sessions cannot be read without it; restore it, or 'down' and 'rm -rf $RUN_DIR' to start from nothing"
}

save_state() {
    umask 077
    {
        local v
        for v in TRT_PORT TRT_SILOS TRT_GATEWAYS TRT_REDIS_PORT TRT_REDIS_PASSWORD TRT_REDIS_CLUSTER \
                 TRT_REDIS_MASTERS TRT_REDIS_BUS_PORT_BASE TRT_SILO_PORT_BASE \
                 TRT_GATEWAY_PORT_BASE TRT_SILO_HTTP_BASE TRT_GW_HTTP_BASE TRT_CLUSTER_ID TRT_SERVICE_ID \
                 TRT_ADMIN_KEY LC_AUTH_KEYS TRT_APPENDFSYNC TRT_READY_TIMEOUT TRT_STOP_GRACE; do
            printf '%s=%q\n' "$v" "${!v}"
        done
    } >"$STATE_FILE"
}

# Launch a .NET component detached from this shell (own session, stdin from /dev/null,
# output to its log) and record its pid. `exec setsid env ... dotnet` keeps one pid
# throughout: this script does not use job control, so the background subshell is not a
# process-group leader and setsid does not fork.
launch_dotnet() {
    local name="$1" dll="$2"; shift 2
    local tag="$RUN_DIR:$name" pid
    [[ -f "$dll" ]] || die "$dll not found: run without TRT_NO_BUILD=1 or build Release first"
    echo "---- $(date -u +%FT%TZ) starting $name" >>"$LOG_DIR/$name.log"
    # Secrets given to this script stay out of the children's environment.
    # Keys come only from the cluster's recorded settings, never from the caller's environment.
    local unset_keys=() k
    for k in $(compgen -e | grep '^Auth__Keys__' || true); do unset_keys+=(-u "$k"); done
    (cd "$REPO_ROOT" && exec setsid env -u TRT_ADMIN_KEY -u TRT_REDIS_PASSWORD -u LC_AUTH_KEYS "${unset_keys[@]}" "$@" TRT_LC_TAG="$tag" dotnet "$dll") \
        </dev/null >>"$LOG_DIR/$name.log" 2>&1 &
    pid=$!
    write_pid_file "$name" "$pid" "$dll" "$tag"
    # Give exec a moment to replace the subshell, then make sure the pid is the dotnet process.
    local i
    for ((i = 0; i < 50; i++)); do
        is_ours "$name" && break
        is_alive "$pid" || break
        sleep 0.1
    done
    is_ours "$name" || die "$name: pid $pid does not look like '$dll' (see $LOG_DIR/$name.log)"
    log "$name: started pid $pid"
}

common_env() {
    printf '%s\n' \
        "REDIS_URL=$(redis_url)" \
        "Storage__Encryption__KeyRingFile=$KEYRING_FILE" \
        "Orleans__ClusterId=$TRT_CLUSTER_ID" \
        "Orleans__ServiceId=$TRT_SERVICE_ID" \
        "Logging__LogLevel__Default=Warning"
}

start_silo() {
    local n="$1" name="silo-$1" envs
    if is_ours "$name"; then die "$name is already running (pid $(pid_of "$name"))"; fi
    rm -f "$PID_DIR/$name.pid"
    local p
    for p in "$(silo_port "$n")" "$(silo_gw_port "$n")" "$(silo_http_port "$n")"; do
        if port_stays_in_use "$p"; then die "$name: port $p is already in use"; fi
    done
    mapfile -t envs < <(common_env)
    envs+=("Orleans__SiloPort=$(silo_port "$n")"
           "Orleans__GatewayPort=$(silo_gw_port "$n")"
           "Orleans__AdvertisedIp=127.0.0.1"
           "ASPNETCORE_URLS=http://127.0.0.1:$(silo_http_port "$n")")
    launch_dotnet "$name" "$SILO_DLL" "${envs[@]}"
}

start_gateway() {
    local n="$1" name="gateway-$1" envs
    if is_ours "$name"; then die "$name is already running (pid $(pid_of "$name"))"; fi
    rm -f "$PID_DIR/$name.pid"
    if port_stays_in_use "$(gw_http_port "$n")"; then die "$name: port $(gw_http_port "$n") is already in use"; fi
    mapfile -t envs < <(common_env)
    envs+=("ASPNETCORE_URLS=http://127.0.0.1:$(gw_http_port "$n")")
    local line next=0 index
    while IFS= read -r line; do
        [[ -n "$line" ]] || continue
        envs+=("$line")
        index="${line#Auth__Keys__}"; index="${index%%__*}"
        ((index + 1 > next)) && next=$((index + 1))
    done <<<"$LC_AUTH_KEYS"
    if [[ -n "$TRT_ADMIN_KEY" ]]; then
        local hash
        hash=$(printf '%s' "$TRT_ADMIN_KEY" | sha256sum | cut -d' ' -f1)
        envs+=("Auth__Keys__${next}__ClientId=local-admin" "Auth__Keys__${next}__Role=admin" "Auth__Keys__${next}__Sha256=$hash")
    fi
    launch_dotnet "$name" "$GATEWAY_DLL" "${envs[@]}"
}

wait_silo_ready()    { wait_http_ready "silo-$1" "http://127.0.0.1:$(silo_http_port "$1")/health/ready" "$(pid_of "silo-$1")"; }
wait_gateway_ready() { wait_http_ready "gateway-$1" "http://127.0.0.1:$(gw_http_port "$1")/health/ready" "$(pid_of "gateway-$1")"; }

# The settings every Redis of this script shares (one server, or each Cluster node): loopback, append-only file with
# TRT_APPENDFSYNC, no eviction, no RDB snapshots, the password if any. Args: port, data directory.
redis_conf() {
    echo "bind 127.0.0.1"
    echo "port $1"
    echo "protected-mode yes"
    echo "daemonize no"
    echo "dir $2"
    echo "appendonly yes"
    echo "appendfsync $TRT_APPENDFSYNC"
    echo "maxmemory-policy noeviction"
    echo 'save ""'
    if [[ -n "$TRT_REDIS_PASSWORD" ]]; then
        printf 'requirepass "%s"\n' "${TRT_REDIS_PASSWORD//\"/\\\"}"
    fi
}

start_redis() {
    if [[ "$TRT_REDIS_CLUSTER" == 1 ]]; then start_redis_cluster; return; fi
    if is_ours redis; then die "redis is already running (pid $(pid_of redis))"; fi
    rm -f "$PID_DIR/redis.pid"
    if port_in_use "$TRT_REDIS_PORT"; then die "redis: port $TRT_REDIS_PORT is already in use"; fi
    # The password goes into a mode-600 config file rather than onto the command line,
    # where `ps` would show it to every user.
    local conf="$REDIS_DIR/redis-local.conf"
    (
        umask 077
        redis_conf "$TRT_REDIS_PORT" "$REDIS_DIR" >"$conf"
    )
    echo "---- $(date -u +%FT%TZ) starting redis" >>"$LOG_DIR/redis.log"
    (cd "$REDIS_DIR" && exec setsid redis-server "$conf") </dev/null >>"$LOG_DIR/redis.log" 2>&1 &
    local pid=$!
    # Redis rewrites its process title to "redis-server 127.0.0.1:<port>".
    write_pid_file redis "$pid" "redis-server"
    local i
    for ((i = 0; i < 100; i++)); do
        if ! is_alive "$pid"; then
            tail -n 20 "$LOG_DIR/redis.log" >&2 || true
            die "redis exited during start"
        fi
        if redis_cli ping 2>/dev/null | grep -q PONG; then
            write_pid_file redis "$pid" "127.0.0.1:$TRT_REDIS_PORT"
            log "redis: started pid $pid on 127.0.0.1:$TRT_REDIS_PORT (appendonly yes, appendfsync $TRT_APPENDFSYNC)"
            return 0
        fi
        sleep 0.1
    done
    die "redis did not answer PING within 10 s (see $LOG_DIR/redis.log)"
}

redis_cli() { REDISCLI_AUTH="$TRT_REDIS_PASSWORD" redis-cli -h 127.0.0.1 -p "$TRT_REDIS_PORT" "$@"; }

# SIGTERM is Redis's normal shutdown (like SHUTDOWN): it writes and fsyncs the append-only
# file before exiting, so the next start on the same directory loads every acknowledged
# write. Never SHUTDOWN NOSAVE, never SIGKILL here: those are crashes, not restarts.
stop_redis() {
    if [[ "$TRT_REDIS_CLUSTER" == 1 ]]; then
        local n
        for ((n = 1; n <= TRT_REDIS_MASTERS; n++)); do stop_component "redis-$n" TERM; done
    else
        stop_component redis TERM
    fi
}

# --- Redis Cluster mode (TRT_REDIS_CLUSTER=1) ---------------------------------------------
redis_node_port() { echo $((TRT_REDIS_PORT + $1 - 1)); }
redis_bus_port()  { echo $((TRT_REDIS_BUS_PORT_BASE + $1 - 1)); }
# REDISCLI_AUTH only with a password: an empty one makes redis-cli send AUTH, which --cluster create treats as fatal.
redis_cli_auth()  { if [[ -n "$TRT_REDIS_PASSWORD" ]]; then REDISCLI_AUTH="$TRT_REDIS_PASSWORD" redis-cli "$@"; else redis-cli "$@"; fi; }
redis_node_cli()  { local n="$1"; shift; redis_cli_auth -h 127.0.0.1 -p "$(redis_node_port "$n")" "$@"; }
redis_cluster_state() { redis_node_cli "$1" cluster info 2>/dev/null | tr -d '\r' | sed -n 's/^cluster_state:/cluster_state=/p'; }

print_redis_pids() {
    local n
    if [[ "$TRT_REDIS_CLUSTER" == 1 ]]; then
        for ((n = 1; n <= TRT_REDIS_MASTERS; n++)); do echo "REDIS_${n}_PID=$(pid_of "redis-$n")"; done
    else
        echo "REDIS_PID=$(pid_of redis)"
    fi
}

# Node n: cluster-enabled, append-only file, its own directory (nodes.conf, AOF) under
# $REDIS_DIR/node-n. The first start joins the nodes with `redis-cli --cluster create`
# (masters only); later starts find the slot map in nodes.conf and the cluster re-forms.
start_redis_node() {
    local n="$1" name="redis-$1" port bus dir conf pid i
    port=$(redis_node_port "$n"); bus=$(redis_bus_port "$n"); dir="$REDIS_DIR/node-$n"; conf="$dir/redis-local.conf"
    if is_ours "$name"; then die "$name is already running (pid $(pid_of "$name"))"; fi
    rm -f "$PID_DIR/$name.pid"
    if port_in_use "$port"; then die "$name: port $port is already in use"; fi
    if port_in_use "$bus"; then die "$name: cluster bus port $bus is already in use"; fi
    mkdir -p "$dir" && chmod 700 "$dir"
    (
        umask 077
        {
            redis_conf "$port" "$dir"
            echo "cluster-enabled yes"
            echo "cluster-port $bus"
            echo "cluster-config-file nodes.conf"
            echo "cluster-node-timeout 5000"
            if [[ -n "$TRT_REDIS_PASSWORD" ]]; then
                printf 'masterauth "%s"\n' "${TRT_REDIS_PASSWORD//\"/\\\"}"
            fi
        } >"$conf"
    )
    echo "---- $(date -u +%FT%TZ) starting $name" >>"$LOG_DIR/$name.log"
    (cd "$dir" && exec setsid redis-server "$conf") </dev/null >>"$LOG_DIR/$name.log" 2>&1 &
    pid=$!
    write_pid_file "$name" "$pid" "redis-server"
    for ((i = 0; i < 100; i++)); do
        if ! is_alive "$pid"; then
            tail -n 20 "$LOG_DIR/$name.log" >&2 || true
            die "$name exited during start"
        fi
        if redis_node_cli "$n" ping 2>/dev/null | grep -q PONG; then
            write_pid_file "$name" "$pid" "127.0.0.1:$port"
            log "$name: started pid $pid on 127.0.0.1:$port (cluster bus $bus, appendonly yes, appendfsync $TRT_APPENDFSYNC)"
            return 0
        fi
        sleep 0.1
    done
    die "$name did not answer PING within 10 s (see $LOG_DIR/$name.log)"
}

start_redis_cluster() {
    local n nodes=() i ok
    for ((n = 1; n <= TRT_REDIS_MASTERS; n++)); do start_redis_node "$n"; nodes+=("127.0.0.1:$(redis_node_port "$n")"); done
    if redis_node_cli 1 cluster info | tr -d '\r' | grep -qx 'cluster_slots_assigned:0'; then
        log "redis: creating the cluster (${nodes[*]}, ${TRT_REDIS_MASTERS} masters, no replicas)"
        redis_cli_auth --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes \
            >>"$LOG_DIR/redis-cluster-create.log" 2>&1 \
            || { tail -n 20 "$LOG_DIR/redis-cluster-create.log" >&2; die "redis-cli --cluster create failed"; }
    fi
    # Gossip needs a moment after create (or a restart) before every node serves its slots.
    for ((i = 0; i < 300; i++)); do
        ok=1
        for ((n = 1; n <= TRT_REDIS_MASTERS; n++)); do
            [[ "$(redis_cluster_state "$n")" == "cluster_state=ok" ]] || ok=0
        done
        if ((ok)); then log "redis: cluster_state ok on all ${TRT_REDIS_MASTERS} nodes"; return 0; fi
        sleep 0.1
    done
    die "the Redis Cluster did not reach cluster_state:ok within 30 s (see $LOG_DIR/redis-*.log)"
}

render_nginx_conf() {
    local servers="" n user_line=""
    for ((n = 1; n <= TRT_GATEWAYS; n++)); do
        servers+="        server 127.0.0.1:$(gw_http_port "$n") max_fails=1 fail_timeout=5s;"$'\n'
    done
    if [[ "$(id -u)" == 0 ]]; then
        # As root, nginx workers switch to an unprivileged user; they never touch files:
        # bodies and responses are buffered in memory (see the template).
        user_line="user nobody $(id -gn nobody 2>/dev/null || echo nogroup);"
    fi
    local tpl
    tpl=$(<"$SCRIPT_DIR/nginx.conf.template")
    tpl="${tpl//@@USER_LINE@@/$user_line}"
    tpl="${tpl//@@PREFIX@@/$NGINX_DIR}"
    tpl="${tpl//@@LISTEN@@/127.0.0.1:$TRT_PORT}"
    tpl="${tpl//@@SERVERS@@/${servers%$'\n'}}"
    printf '%s\n' "$tpl" >"$NGINX_DIR/nginx.conf"
}

start_nginx() {
    if is_ours nginx; then die "nginx is already running (pid $(pid_of nginx))"; fi
    rm -f "$PID_DIR/nginx.pid"
    if port_in_use "$TRT_PORT"; then die "nginx: port $TRT_PORT is already in use"; fi
    render_nginx_conf
    local conf="$NGINX_DIR/nginx.conf"
    # -e: error log from the very start, before the config is read (default is a root-only path).
    nginx -t -q -p "$NGINX_DIR" -e "$NGINX_DIR/logs/error.log" -c "$conf" >>"$LOG_DIR/nginx.log" 2>&1 \
        || { tail -n 20 "$LOG_DIR/nginx.log" >&2; die "nginx rejected $conf"; }
    rm -f "$NGINX_DIR/nginx.pid"
    (exec setsid nginx -p "$NGINX_DIR" -e "$NGINX_DIR/logs/error.log" -c "$conf") </dev/null >>"$LOG_DIR/nginx.log" 2>&1 \
        || { tail -n 20 "$NGINX_DIR/logs/error.log" >&2; die "nginx failed to start"; }
    local i pid=""
    for ((i = 0; i < 50; i++)); do
        [[ -s "$NGINX_DIR/nginx.pid" ]] && pid=$(<"$NGINX_DIR/nginx.pid") && break
        sleep 0.1
    done
    [[ -n "$pid" ]] || die "nginx wrote no pid file"
    # The master's title is "nginx: master process nginx -p <prefix> ... -c <conf>".
    write_pid_file nginx "$pid" "-c $conf"
    is_ours nginx || die "nginx pid $pid does not look like our nginx"
    log "nginx: started pid $pid on 127.0.0.1:$TRT_PORT"
}

build() {
    if [[ "$TRT_NO_BUILD" == 1 ]]; then
        log "TRT_NO_BUILD=1: using the existing Release build"
        return 0
    fi
    # The Gateway project references the Silo project, so this builds both (and only what
    # they need, not the test projects).
    log "building Release (dotnet build -c Release src/Gateway/Gateway.csproj) ..."
    (cd "$REPO_ROOT" && dotnet build -c Release -nologo -v q src/Gateway/Gateway.csproj) >"$LOG_DIR/build.log" 2>&1 \
        || { tail -n 30 "$LOG_DIR/build.log" >&2; die "build failed (full log: $LOG_DIR/build.log)"; }
    [[ -f "$SILO_DLL" ]] || (cd "$REPO_ROOT" && dotnet build -c Release -nologo -v q src/Silo/Silo.csproj) >>"$LOG_DIR/build.log" 2>&1 \
        || die "silo build failed (full log: $LOG_DIR/build.log)"
}

all_components() {
    # Every component with a pid file, whatever TRT_SILOS/TRT_GATEWAYS say now.
    local f
    shopt -s nullglob
    for f in "$PID_DIR"/*.pid; do basename "$f" .pid; done
    shopt -u nullglob
}

print_urls() {
    local n
    echo "REDIS_URL=$(redis_url)"
    echo "GATEWAY_URL=http://127.0.0.1:$TRT_PORT"
    for ((n = 1; n <= TRT_GATEWAYS; n++)); do echo "GATEWAY_${n}_URL=http://127.0.0.1:$(gw_http_port "$n")"; done
    if [[ "$TRT_REDIS_CLUSTER" == 1 ]]; then
        for ((n = 1; n <= TRT_REDIS_MASTERS; n++)); do echo "REDIS_${n}_PID=$(pid_of "redis-$n" || true)"; done
    else
        echo "REDIS_PID=$(pid_of redis || true)"
    fi
    for ((n = 1; n <= TRT_SILOS; n++)); do echo "SILO_${n}_PID=$(pid_of "silo-$n" || true)"; done
    for ((n = 1; n <= TRT_GATEWAYS; n++)); do echo "GATEWAY_${n}_PID=$(pid_of "gateway-$n" || true)"; done
    echo "NGINX_PID=$(pid_of nginx || true)"
}

# ---------------------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------------------

cmd_down() {
    local c
    # Front first (no new requests), then gateways, silos, and Redis last so that silos can
    # still write their membership status while they shut down.
    for c in $(all_components | grep -x nginx || true) \
             $(all_components | grep '^gateway-' || true) \
             $(all_components | grep '^silo-' || true) \
             $(all_components | grep -E '^redis(-[0-9]+)?$' || true); do
        stop_component "$c" TERM
    done
    # Anything else that has a pid file (should not happen) is handled the same way.
    for c in $(all_components); do stop_component "$c" TERM; done
    if [[ -f "$STATE_FILE" ]] && ! grep -q '^TRT_CLUSTER_DOWN=1$' "$STATE_FILE"; then
        echo "TRT_CLUSTER_DOWN=1" >>"$STATE_FILE"
    fi
    log "down: nothing started by this script is running"
}

cmd_up() {
    ensure_dirs
    local running=() c
    for c in $(all_components); do
        if is_ours "$c"; then running+=("$c=$(pid_of "$c")"); else rm -f "$PID_DIR/$c.pid"; fi
    done
    if ((${#running[@]})); then
        die "already up (${running[*]}); use '$0 status', or '$0 down' first"
    fi
    require_tools
    ((TRT_SILOS >= 1)) || die "TRT_SILOS must be at least 1"
    ((TRT_GATEWAYS >= 1)) || die "TRT_GATEWAYS must be at least 1"
    check_ports # before the build: a taken or doubly used port is known in a second, not after minutes
    build
    ensure_keyring
    save_state
    # From here on a failure tears down whatever was started, so nothing is left behind.
    trap 'rc=$?; if ((rc != 0)); then log "up failed; stopping what was started"; cmd_down; fi' EXIT
    start_redis
    local n
    for ((n = 1; n <= TRT_SILOS; n++)); do start_silo "$n"; done
    for ((n = 1; n <= TRT_SILOS; n++)); do wait_silo_ready "$n"; done
    for ((n = 1; n <= TRT_GATEWAYS; n++)); do start_gateway "$n"; done
    for ((n = 1; n <= TRT_GATEWAYS; n++)); do wait_gateway_ready "$n"; done
    start_nginx
    wait_http_ready nginx "http://127.0.0.1:$TRT_PORT/health/ready"
    trap - EXIT
    log "up: cluster ready at http://127.0.0.1:$TRT_PORT"
    print_urls
}

cmd_restart() {
    require_running
    require_keyring
    local c n
    for c in $(all_components | grep '^gateway-' || true); do stop_component "$c" TERM; done
    for c in $(all_components | grep '^silo-' || true); do stop_component "$c" TERM; done
    for ((n = 1; n <= TRT_SILOS; n++)); do start_silo "$n"; done
    for ((n = 1; n <= TRT_SILOS; n++)); do wait_silo_ready "$n"; done
    for ((n = 1; n <= TRT_GATEWAYS; n++)); do start_gateway "$n"; done
    for ((n = 1; n <= TRT_GATEWAYS; n++)); do wait_gateway_ready "$n"; done
    if is_ours nginx; then wait_http_ready nginx "http://127.0.0.1:$TRT_PORT/health/ready"; fi
    print_urls
}

require_running() {
    [[ -f "$STATE_FILE" && -z "$TRT_CLUSTER_DOWN" ]] || die "the cluster is not up (no running $STATE_FILE); run '$0 up'"
    ensure_dirs
}

require_n() {
    [[ "${1:-}" =~ ^[1-9][0-9]*$ ]] || die "expected a positive number, got '${1:-}'"
}

cmd_kill() {
    local name="$1" pid
    is_ours "$name" || die "$name is not running (or not ours)"
    pid=$(pid_of "$name")
    stop_component "$name" KILL
    echo "$pid"
}

status_line() {
    local name="$1" ports="$2" url="${3:-}" pid alive ready=""
    pid=$(pid_of "$name" || true)
    if is_ours "$name"; then alive=yes; else alive=no; fi
    if [[ -n "$url" ]]; then
        if curl -fsS -m 2 -o /dev/null "$url" 2>/dev/null; then ready=" ready=yes"; else ready=" ready=no"; fi
    fi
    printf '%-10s pid=%-8s alive=%-3s %s%s\n' "$name" "${pid:--}" "$alive" "$ports" "$ready"
}

cmd_status() {
    local n
    if [[ -f "$STATE_FILE" ]]; then
        log "settings of the cluster as started ($STATE_FILE)${TRT_CLUSTER_DOWN:+; it is down}"
    else
        log "no $STATE_FILE: showing the ports of the current environment"
    fi
    if [[ "$TRT_REDIS_CLUSTER" == 1 ]]; then
        for ((n = 1; n <= TRT_REDIS_MASTERS; n++)); do
            status_line "redis-$n" "port=$(redis_node_port "$n") bus=$(redis_bus_port "$n") $(redis_cluster_state "$n")"
        done
    else
        status_line redis "port=$TRT_REDIS_PORT"
    fi
    # Configured components plus any extra ones started by hand (start-silo 3).
    local silos gateways
    silos=$( { seq 1 "$TRT_SILOS"; all_components | sed -n 's/^silo-//p'; } | sort -nu)
    gateways=$( { seq 1 "$TRT_GATEWAYS"; all_components | sed -n 's/^gateway-//p'; } | sort -nu)
    for n in $silos; do
        status_line "silo-$n" "silo_port=$(silo_port "$n") gateway_port=$(silo_gw_port "$n") http=$(silo_http_port "$n")" \
            "http://127.0.0.1:$(silo_http_port "$n")/health/ready"
    done
    for n in $gateways; do
        status_line "gateway-$n" "http=$(gw_http_port "$n")" "http://127.0.0.1:$(gw_http_port "$n")/health/ready"
    done
    status_line nginx "port=$TRT_PORT" "http://127.0.0.1:$TRT_PORT/health/ready"
}

case "$CMD" in
    up) cmd_up ;;
    down) cmd_down ;;
    restart) cmd_restart ;;
    kill-silo) require_n "${2:-}"; cmd_kill "silo-$2" ;;
    start-silo) require_n "${2:-}"; require_running; require_keyring; start_silo "$2"; wait_silo_ready "$2"; echo "SILO_${2}_PID=$(pid_of "silo-$2")" ;;
    stop-silo) require_n "${2:-}"; require_running; stop_component "silo-$2" TERM ;;
    kill-gateway) require_n "${2:-}"; cmd_kill "gateway-$2" ;;
    stop-gateway) require_n "${2:-}"; require_running; stop_component "gateway-$2" TERM ;;
    start-gateway) require_n "${2:-}"; require_running; require_keyring; start_gateway "$2"; wait_gateway_ready "$2"; echo "GATEWAY_${2}_PID=$(pid_of "gateway-$2")" ;;
    stop-redis) require_running; stop_redis ;;
    start-redis) require_running; start_redis; print_redis_pids ;;
    restart-redis) require_running; stop_redis; start_redis; print_redis_pids ;;
    status) ensure_dirs; cmd_status ;;
    keyring) ensure_dirs; ensure_keyring; echo "$KEYRING_FILE" ;;
    -h|--help|help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' ;;
    *) sed -n '4,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
