using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Xiaobao.Benchmarks;

/// <summary>
/// Splits one SaveChanges into what the database spends on it: opening the transaction, the chain lock, the head read,
/// the INSERT batch and the commit. What the save took beyond those is EF's and the interceptor's work in the process.
/// </summary>
internal sealed class SaveTimings : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly string[] Phases = ["begin", "lock", "head read", "insert", "commit"];

    private readonly Dictionary<string, double> _current = new(StringComparer.Ordinal);
    private long _started;

    public IReadOnlyDictionary<string, double> Current => _current;

    public void Reset() => _current.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _started = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Add(Classify(command.CommandText));
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _started = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Add(Classify(command.CommandText));
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        _started = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Add("begin");
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        _started = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Add("commit");
        return Task.CompletedTask;
    }

    private static string Classify(string sql) =>
        sql.Contains("pg_advisory_xact_lock", StringComparison.Ordinal) ? "lock"
        : sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) ? "head read"
        : "insert";

    private void Add(string phase) => _current[phase] = _current.GetValueOrDefault(phase) + Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
}
