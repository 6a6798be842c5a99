namespace Xiaobao.Kernel.Auditing;

/// <summary>
/// Marks a record that is the system's own bookkeeping (a job queue's rows, leased and retried many times a day): the
/// trail does not capture its changes one by one. A person's change to such a record is recorded as an explicit
/// <see cref="AuditEvent"/> instead, and the work a job does is captured as usual, with the system as actor.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute : Attribute;
