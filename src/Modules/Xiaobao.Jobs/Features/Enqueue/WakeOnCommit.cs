using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Xiaobao.Jobs.Features.Enqueue;

/// <summary>
/// Wakes the runner once the transaction that wrote a new job commits: any earlier, the runner would look, find nothing
/// yet visible and sleep a whole poll interval. A rollback takes the job away, and the wake with it.
/// </summary>
internal sealed class WakeOnCommit(JobSignal signal) : DbTransactionInterceptor
{
    private bool _armed;

    public void Arm() => _armed = true;

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Fire();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Fire();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _armed = false;

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _armed = false;
        return Task.CompletedTask;
    }

    private void Fire()
    {
        if (_armed)
        {
            _armed = false;
            signal.Notify();
        }
    }
}
