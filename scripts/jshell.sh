#!/usr/bin/env bash
# Opens JShell with Cloudey (core, the assistant and the test kit) on the class path and runs
# scripts/cloudey.jsh, or the script given as the first argument (e.g. scripts/assistant.jsh).
# Builds what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl cloudey-ai -am -DskipTests -Dspotless.check.skip=true package \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="cloudey-ai/target/classes:cloudey-testkit/target/classes:$(cat cloudey-ai/target/classpath.txt):$(cat cloudey-testkit/target/classpath.txt)"
exec jshell -J-Djava.util.prefs.userRoot=target/jshell-prefs --class-path "$cp" "${1:-scripts/cloudey.jsh}"
