#!/usr/bin/env bash
# Installs PostgreSQL from Debian if missing, starts it on 127.0.0.1 and creates the test role and database.
# Prints the connection string for XIAOBAO_TEST_POSTGRES. Idempotent.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
fi
version=$(ls /etc/postgresql | sort -V | tail -1)
pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start >&2
for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
pg_isready -h 127.0.0.1 -p 5432 >&2
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'xiaobao') THEN
    CREATE ROLE xiaobao LOGIN CREATEDB PASSWORD 'xiaobao';
  END IF;
END $$;
SELECT 'CREATE DATABASE xiaobao OWNER xiaobao' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'xiaobao')\gexec
SQL
echo "Host=127.0.0.1;Port=5432;Database=xiaobao;Username=xiaobao;Password=xiaobao"
