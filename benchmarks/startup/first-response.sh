#!/usr/bin/env bash
# Starts one of the startup applications, waits for its first answer to GET /hello, prints how long that took and the
# process' resident memory then, and stops it. Usage: first-response.sh bare|sdk|extension   (with the stand-in of measure.sh listening)
set -euo pipefail
cd "$(dirname "$0")"
APP="$1"
PORT="${PORT:-8081}"
start=$(date +%s%N)
java -Dquarkus.http.port="$PORT" -jar "$APP/target/quarkus-app/quarkus-run.jar" > "/tmp/startup-$APP.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$PORT/hello" > /dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "$APP exited before answering; see /tmp/startup-$APP.log" >&2
        exit 1
    fi
    sleep 0.005
done
end=$(date +%s%N)
rss_kib=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
echo "$APP first response after $(( (end - start) / 1000000 )) ms, RSS $(( rss_kib / 1024 )) MiB"
kill "$pid"
wait "$pid" || true
