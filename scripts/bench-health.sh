#!/usr/bin/env bash
# Quick measurement of /health throughput against nginx serving a small static file on the same machine,
# plus WineBox's idle and loaded memory. Traffic goes to 127.0.0.1 only; every process started is stopped.
#
# Usage: scripts/bench-health.sh [runs] [seconds]   (defaults: 3 runs of 10 s each, median kept)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
seconds=${2:-10}
connections=50
winebox_port=18080
nginx_port=18081
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

scripts/install-deps.sh wrk nginx-light >/dev/null
swift build -c release --product winebox --static-swift-stdlib >/dev/null

# nginx: 2 workers, one 36-byte static file, no access log.
mkdir -p "$work/www" "$work/nginx"
printf '{"status":"healthy","app":"static"}\n' > "$work/www/health.json"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx;
    proxy_temp_path $work/nginx;
    fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx;
    scgi_temp_path $work/nginx;
    server {
        listen 127.0.0.1:$nginx_port;
        location / { root $work/www; }
    }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

WINEBOX_SECRET_KEY=$(openssl rand -hex 32) WINEBOX_RATE_LIMIT_DISABLED=1 WINEBOX_LOGGING_ACCESS_LOG=false WINEBOX_LOGGING_LEVEL=warning \
    ./.build/release/winebox serve --port "$winebox_port" --data-dir "$work/data" 2>"$work/winebox.log" &
winebox_pid=$!
pids+=("$winebox_pid")

for port in $winebox_port $nginx_port; do
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$port/" -o /dev/null -w '' 2>/dev/null && break
        curl -sf "http://127.0.0.1:$port/health" -o /dev/null 2>/dev/null && break
        sleep 0.1
    done
done
sleep 1
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
idle_rss=$(rss_kib "$winebox_pid")

# Runs wrk $runs times and prints the median requests/s, p50 and p99 (ms).
measure() {
    local url=$1
    local results=()
    for _ in $(seq 1 "$runs"); do
        local out
        out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")
        local rps p50 p99
        rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        results+=("$rps $p50 $p99")
    done
    printf '%s\n' "${results[@]}" | sort -n -k1 | awk -v n="$runs" 'NR == int((n + 1) / 2)'
}

peak_rss=0
watch_rss() {
    while kill -0 "$winebox_pid" 2>/dev/null; do
        local now
        now=$(rss_kib "$winebox_pid" 2>/dev/null || echo 0)
        [ "$now" -gt "$peak_rss" ] && peak_rss=$now && echo "$peak_rss" > "$work/peak"
        sleep 0.2
    done
}
watch_rss &
watcher=$!
pids+=("$watcher")

nginx_result=$(measure "http://127.0.0.1:$nginx_port/health.json")
winebox_result=$(measure "http://127.0.0.1:$winebox_port/health")
kill "$watcher" 2>/dev/null || true
loaded_rss=$(cat "$work/peak" 2>/dev/null || echo 0)

read -r nginx_rps nginx_p50 nginx_p99 <<<"$nginx_result"
read -r winebox_rps winebox_p50 winebox_p99 <<<"$winebox_result"
ratio=$(awk -v a="$winebox_rps" -v b="$nginx_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }')

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(date -u +%Y-%m-%d)"
echo "wrk -t2 -c$connections -d${seconds}s, median of $runs runs"
printf '%-34s %12s %8s %8s %8s\n' "target" "requests/s" "p50" "p99" "vs nginx"
printf '%-34s %12s %8s %8s %8s\n' "nginx static file (36 bytes)" "$nginx_rps" "$nginx_p50" "$nginx_p99" "100%"
printf '%-34s %12s %8s %8s %8s\n' "WineBox GET /health" "$winebox_rps" "$winebox_p50" "$winebox_p99" "$ratio"
echo "WineBox RSS: idle $((idle_rss / 1024)) MiB, peak under load $((loaded_rss / 1024)) MiB"
