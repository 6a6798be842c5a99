using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Persistence.Sqlite;

/// <summary>Lets `dotnet ef` build the context for this provider's migration set (see eng/add-migration.sh).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<XiaobaoDbContext>
{
    public XiaobaoDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<XiaobaoDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new XiaobaoDbContext(options, new DataScope());
    }
}
