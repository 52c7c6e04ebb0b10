#!/usr/bin/env bash
# Until Casework is first deployed, the schema is one "Initial" migration per provider, regenerated
# from the model. After the first deployment, add migrations instead (see README).
set -euo pipefail
cd "$(dirname "$0")/../src/Casework.Web"
dotnet tool restore >/dev/null
rm -rf Persistence/Migrations
dotnet ef migrations add Initial --context SqliteCaseworkDbContext --output-dir Persistence/Migrations/Sqlite
dotnet ef migrations add Initial --context SqlServerCaseworkDbContext --output-dir Persistence/Migrations/SqlServer
dotnet ef migrations add Initial --context PostgresCaseworkDbContext --output-dir Persistence/Migrations/PostgreSql
