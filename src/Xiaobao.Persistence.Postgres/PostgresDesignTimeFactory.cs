using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Persistence.Postgres;

/// <summary>Lets `dotnet ef` build the context for this provider's migration set (see eng/add-migration.sh).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<XiaobaoDbContext>
{
    public XiaobaoDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<XiaobaoDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=xiaobao_design;Username=xiaobao;Password=xiaobao", o => o.MigrationsAssembly(typeof(PostgresDesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new XiaobaoDbContext(options, new DataScope());
    }
}
