using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Audit.Domain;

namespace Xiaobao.Audit.Features.VerifyChain;

/// <summary>The outcome of a verification: how many entries were checked and, if broken, the first bad link.</summary>
/// <param name="Problem">"missing-entry", "out-of-order", "hash-mismatch" or "broken-link" when not intact.</param>
public sealed record AuditChainReport(bool Intact, long Entries, long? BrokenAt, string? Problem, string? Detail);

/// <summary>
/// Walks the whole trail in sequence order, whatever the caller's scope, without tracking and with bounded memory;
/// recomputes every hash and checks every link and the sequence's continuity. Stops at the first problem.
/// </summary>
public static class VerifyAuditChain
{
    public const string MissingEntry = "missing-entry";
    public const string OutOfOrder = "out-of-order";
    public const string HashMismatch = "hash-mismatch";
    public const string BrokenLink = "broken-link";

    public static async Task<AuditChainReport> HandleAsync(IAuditDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expected = 1L;
        var previous = AuditHash.Genesis;
        var entries = db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(ct))
        {
            if (entry.Sequence > expected)
            {
                return Broken(expected, MissingEntry, $"entry {expected} is missing (next is {entry.Sequence.ToString(CultureInfo.InvariantCulture)})");
            }

            if (entry.Sequence < expected)
            {
                return Broken(entry.Sequence, OutOfOrder, $"entry {entry.Sequence.ToString(CultureInfo.InvariantCulture)} follows {(expected - 1).ToString(CultureInfo.InvariantCulture)}");
            }

            if (AuditHash.Compute(entry) != entry.Hash)
            {
                return Broken(expected, HashMismatch, "the entry's content does not match its hash (altered)");
            }

            if (entry.PreviousHash != previous)
            {
                return Broken(expected, BrokenLink, "the entry's previous hash is not the hash of the entry before it");
            }

            previous = entry.Hash;
            expected++;
        }

        return new AuditChainReport(true, expected - 1, null, null, null);

        AuditChainReport Broken(long at, string problem, string detail) => new(false, expected - 1, at, problem, detail);
    }
}
