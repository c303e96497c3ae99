#!/usr/bin/env bash
# Every benchmark group in one command, from the repository root (about 18 minutes on 2 cores, builds included; 16.5 min measured on 2026-12-04, 18.5 on 2026-12-06):
#   benchmarks/run-all.sh                 # all groups
#   benchmarks/run-all.sh paced startup   # only these
# Groups: tracked (TrackedMetricBenchmark against the hand-written call and Micrometer, 3 forks, -prof gc),
# tracked-8-threads (the same with 8 threads, 2 forks), ai (AiGenerationBenchmark, -prof gc), paced (PacedDelivery: the delivered path),
# startup (time to first response: bare, SDK by hand, extension), registration (10, 100 and 1,000 metrics).
# Results go to benchmarks/target/results/<group>.txt as well as the console.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
GROUPS_TO_RUN=("$@")
[ ${#GROUPS_TO_RUN[@]} -eq 0 ] && GROUPS_TO_RUN=(tracked tracked-8-threads ai paced startup registration)
JAR=benchmarks/target/quarkus-launchdarkly-benchmarks-999-SNAPSHOT-runner.jar
RESULTS=benchmarks/target/results

./mvnw -B -ntp -q -Pbench install -DskipTests \
    -pl benchmarks,benchmarks/startup/bare,benchmarks/startup/sdk,benchmarks/startup/extension,benchmarks/registration -am
mkdir -p "$RESULTS"
for group in "${GROUPS_TO_RUN[@]}"; do
    echo "== $group ($(date -u +%H:%M:%S))"
    case "$group" in
        tracked) java -jar "$JAR" TrackedMetricBenchmark -f 3 -prof gc ;;
        tracked-8-threads) java -jar "$JAR" TrackedMetricBenchmark -t 8 -f 2 ;;
        ai) java -jar "$JAR" AiGenerationBenchmark -prof gc ;;
        paced) java -cp "$JAR" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
            io.quarkiverse.launchdarkly.benchmarks.PacedDelivery ;;
        startup) benchmarks/startup/measure.sh 9 ;;
        registration) benchmarks/registration/measure.sh 5 ;;
        *) echo "Unknown group '$group'; see the header of $0" >&2; exit 2 ;;
    esac 2>&1 | tee "$RESULTS/$group.txt"
done
