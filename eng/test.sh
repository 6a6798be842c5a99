#!/usr/bin/env bash
# Runs the whole test suite: unit, integration (SQLite and PostgreSQL) and browser (headless Chromium).
# Installs missing Debian packages and starts PostgreSQL on 127.0.0.1 unless XIAOBAO_TEST_POSTGRES is already set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install-test-prerequisites.sh
if [ -z "${XIAOBAO_TEST_POSTGRES:-}" ]; then
  XIAOBAO_TEST_POSTGRES="$(bash eng/start-postgres.sh)"
  export XIAOBAO_TEST_POSTGRES
fi
dotnet tool restore >/dev/null
dotnet build Xiaobao.slnx -c Release
log=$(mktemp)
set +e
# One test project at a time: browser tests time real UI animations and must not share 2 cores with the database tests.
dotnet test Xiaobao.slnx -c Release --no-build -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
