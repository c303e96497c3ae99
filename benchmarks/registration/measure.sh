#!/usr/bin/env bash
# Registration of 10, 100 and 1,000 declared metrics against a local stand-in: time and REST requests for new metrics,
# unchanged ones, new ones answered 20 ms late and new ones under a rate limit of 100 requests a second (see
# RegistrationRun), each with quarkus.launchdarkly.registration.concurrency 1 and 4 (the default).
# Usage, from the repository root, after ./mvnw -B -ntp -Pbench -pl benchmarks/registration -am install -DskipTests:
#   benchmarks/registration/measure.sh [rounds]
# Each size is a build of its own: metric definitions are fixed at build time.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
ROUNDS="${1:-5}"
STAND_IN=$(ls stand-in/target/quarkus-launchdarkly-stand-in-*-runner.jar | head -1)
java -jar "$STAND_IN" --port 8766 --sdk-key sdk-local --writer-token api-local-writer --quiet \
    > /tmp/registration-stand-in.log 2>&1 &
stand_in=$!
trap 'kill $stand_in 2>/dev/null || true' EXIT
until curl -fs -o /dev/null http://127.0.0.1:8766/_local/info; do sleep 0.05; done
echo "scenario metrics concurrency median-ms min-ms max-ms GET POST PATCH refused"
for n in 10 100 1000; do
    properties="$ROOT/benchmarks/registration/target/metrics-$n.properties"
    mkdir -p "$(dirname "$properties")"
    for i in $(seq -f "%04g" "$n"); do
        echo "quarkus.launchdarkly.metrics.\"bench.step-$i\".name=Step $i"
    done > "$properties"
    ./mvnw -B -ntp -q -Pbench -pl benchmarks/registration package -DskipTests \
        -Dquarkus.config.locations="file:$properties" > /tmp/registration-build-$n.log 2>&1
    for concurrency in 1 4; do
        java -Dbench.rounds="$ROUNDS" -Dquarkus.config.locations="file:$properties" \
            -Dquarkus.launchdarkly.registration.concurrency="$concurrency" \
            -jar benchmarks/registration/target/quarkus-app/quarkus-run.jar
    done
done
