using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Xiaobao.Audit.Domain;

/// <summary>
/// The chain's hash: SHA-256 over the previous entry's hash followed by the canonical serialisation of this entry's
/// fields. The serialisation is a JSON array in a fixed field order with invariant formats, so it is the same on every
/// machine, runtime culture and database.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version = "xiaobao-audit-v1";

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Both databases keep at least milliseconds, so the time is cut to them before it is stored and hashed.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string FormatTime(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, entry);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// SHA-256 over UTF-8(<see cref="AuditEntry.PreviousHash"/> + <see cref="Canonical"/>), as lower-case hex. The bytes
    /// are built in one reused buffer per thread: the writer's output already is the canonical form's UTF-8, so nothing is
    /// turned into a string and back, which matters when `audit verify` hashes a million entries.
    /// </summary>
    public static string Compute(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var previous = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(entry.PreviousHash.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(entry.PreviousHash, previous));
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        WriteCanonical(writer, entry);
        writer.Flush();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, AuditEntry entry)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(Version);
        writer.WriteNumberValue(entry.Sequence);
        writer.WriteStringValue(FormatTime(entry.At));
        writer.WriteStringValue(entry.ActorKind);
        WriteGuid(writer, entry.ActorId);
        writer.WriteStringValue(entry.ActorName);
        WriteGuid(writer, entry.OrganisationId);
        writer.WriteStringValue(entry.EntityType);
        if (entry.EntityId is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(entry.EntityId);
        }

        writer.WriteStringValue(entry.Action);
        writer.WriteStringValue(entry.Changes);
        writer.WriteEndArray();
    }

    private static void WriteGuid(Utf8JsonWriter writer, Guid? value)
    {
        if (value is { } id)
        {
            writer.WriteStringValue(id.ToString("D", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
