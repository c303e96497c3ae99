#!/usr/bin/env bash
# Time to first response of the three startup applications, N runs each, alternating, against one local stand-in
# (the SDK and the extension both connect to it as a relay proxy and wait for its flags).
# Usage (from the repository root, after ./mvnw -B -ntp -Pbench -pl benchmarks/startup/bare,benchmarks/startup/sdk,benchmarks/startup/extension -am package -DskipTests):
#   benchmarks/startup/measure.sh [runs]
set -euo pipefail
cd "$(dirname "$0")"
RUNS="${1:-10}"
STAND_IN=$(ls ../../stand-in/target/quarkus-launchdarkly-stand-in-*-runner.jar | head -1)
java -jar "$STAND_IN" --port 8765 --sdk-key sdk-local --quiet > /tmp/startup-stand-in.log 2>&1 &
stand_in=$!
trap 'kill $stand_in 2>/dev/null || true' EXIT
until curl -fs -o /dev/null http://127.0.0.1:8765/_local/info; do sleep 0.05; done
export LAUNCHDARKLY_SDK_KEY=sdk-local LAUNCHDARKLY_RELAY=http://127.0.0.1:8765
for app in bare sdk extension; do ./first-response.sh "$app" > /dev/null; done # warm-up: file cache, JIT of nothing
for i in $(seq "$RUNS"); do
    for app in bare sdk extension; do ./first-response.sh "$app"; done
done | tee /tmp/startup-runs.txt | awk '{ ms[$1] = ms[$1] " " $5; rss[$1] = rss[$1] " " $8 }
    END { for (app in ms) print app " ms:" ms[app] "  RSS MiB:" rss[app] }' | sort
# Medians and the ratios to the SDK wired by hand, the anchor of the comparison.
awk '{ print $1, $5, $8 }' /tmp/startup-runs.txt | sort -k1,1 -k2n | awk '
    { ms[$1, ++n[$1]] = $2; rssv[$1, n[$1]] = $3 }
    END {
        for (app in n) { k = n[app]; m[app] = (k % 2) ? ms[app, (k + 1) / 2] : (ms[app, k / 2] + ms[app, k / 2 + 1]) / 2 }
        for (app in n) printf "%s median %d ms (%.2fx sdk)\n", app, m[app], m[app] / m["sdk"]
    }' | sort
