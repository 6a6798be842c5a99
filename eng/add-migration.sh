#!/usr/bin/env bash
# Adds a migration with the same name to both provider sets, so SQLite and PostgreSQL never drift apart.
# Usage: eng/add-migration.sh <MigrationName>
set -euo pipefail
name=${1:?usage: eng/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="src/Xiaobao.Persistence.$provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" \
    --context XiaobaoDbContext --output-dir Migrations
done
