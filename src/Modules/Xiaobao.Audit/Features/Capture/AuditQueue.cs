using Xiaobao.Kernel.Auditing;

namespace Xiaobao.Audit.Features.Capture;

/// <summary>Explicit events waiting for the next SaveChanges of the scope's DbContext.</summary>
internal sealed class AuditQueue
{
    private readonly List<AuditEvent> _pending = [];

    public void Add(AuditEvent auditEvent) => _pending.Add(auditEvent);

    public IReadOnlyList<AuditEvent> Peek() => [.. _pending];

    public void Clear() => _pending.Clear();
}

internal sealed class AuditLog(AuditQueue queue, IAuditDb db) : IAuditLog
{
    public void Add(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        queue.Add(auditEvent);
    }

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        Add(auditEvent);
        await db.SaveChangesAsync(cancellationToken);
    }
}
