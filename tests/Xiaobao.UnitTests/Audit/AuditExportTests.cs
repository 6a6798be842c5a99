using System.Reflection;
using System.Text;
using Xiaobao.Audit.Features.ExportEntries;
using Xiaobao.Audit.Features.Shared;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Errors;

namespace Xiaobao.UnitTests.Audit;

public sealed class AuditExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("admin", "admin")]
    [InlineData("{\"NameZh\":{\"after\":\"=x\"}}", "{\"NameZh\":{\"after\":\"=x\"}}")]
    [InlineData("", "")]
    public void Neutralised_CsvCellStartingLikeAFormula_GetsALeadingApostrophe(string value, string expected) =>
        Assert.Equal(expected, AuditExportSheet.Neutralised(value));

    [Theory]
    [InlineData("csv", AuditExportFormat.Csv)]
    [InlineData("CSV", AuditExportFormat.Csv)]
    [InlineData("Xlsx", AuditExportFormat.Xlsx)]
    [InlineData(null, AuditExportFormat.Xlsx)]
    public void ParseFormat_AnyCase_Parses(string? format, AuditExportFormat expected) =>
        Assert.Equal(expected, ExportAuditEntries.ParseFormat(format));

    [Theory]
    [InlineData("pdf")]
    [InlineData("7")]
    public void ParseFormat_Unknown_FieldErrorOnFormat(string format) =>
        Assert.Contains("format", Assert.Throws<ValidationFailedException>(() => ExportAuditEntries.ParseFormat(format)).Errors.Keys);

    [Fact]
    public void Describe_PartlySetFilter_RecordsOnlyTheSetParts()
    {
        var organisation = Guid.NewGuid();

        var described = new AuditFilter(Actor: " admin ", OrganisationId: organisation, IncludeDescendants: true, EntityType: "  ").Describe();

        Assert.Equal(["actor", "includeDescendants", "organisationId"], described.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("admin", true, (object)organisation), (described["actor"], described["includeDescendants"], described["organisationId"]));
    }

    [Fact]
    public void Validated_RangeEndingAtItsStart_FieldErrorOnTo()
    {
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));

        Assert.Contains("to", Assert.Throws<ValidationFailedException>(() => new AuditFilter(at, at).Validated()).Errors.Keys);
        Assert.NotNull(new AuditFilter(at, at.AddMinutes(1)).Validated());
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Labels_EveryActionAndActorKind_HasTextInBothLanguages(string culture)
    {
        var actions = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var kinds = Enum.GetValues<ActorKind>().Select(k => new ActorSnapshot(k, null, string.Empty, null, null).KindCode).ToList();
        var original = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            Assert.True(actions.Count >= 9);
            Assert.All(actions, a => Assert.NotEqual(a, AuditLabels.Action(a)));
            Assert.All(kinds, k => Assert.NotEqual(k, AuditLabels.ActorKind(k)));
            Assert.All(
                ["missing-entry", "out-of-order", "hash-mismatch", "broken-link"],
                p => Assert.NotEqual(p, AuditLabels.Problem(p)));
            Assert.Equal("NoSuchType", AuditLabels.EntityType("NoSuchType"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = original;
        }
    }

    [Theory]
    [InlineData("2026-11-27T11:01:49.1342000Z", "2026-11-27 19:01:49.134")]
    [InlineData("2026-02-28T16:00:00Z", "2026-03-01 00:00:00.000")]
    [InlineData("2026-11-27", "2026-11-27")]
    [InlineData("深圳南山支公司", "深圳南山支公司")]
    [InlineData("Zhejiang Branch Z", "Zhejiang Branch Z")]
    [InlineData(null, "—")]
    public void Value_RecordedUtcTime_ShowsInChinaTimeAndEverythingElseAsIs(string? recorded, string expected) =>
        Assert.Equal(expected, AuditLabels.Value(recorded));

    [Fact]
    public async Task AsyncResponseStream_SyncWritesBetweenAsyncOnes_ReachTheBodyInOrderOnlyAsynchronously()
    {
        var body = new AsyncOnlyBody();
        await using (var stream = new AsyncResponseStream(body))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("a"));
            stream.Write(Encoding.ASCII.GetBytes("b"));
            stream.WriteByte((byte)'c');
            stream.Flush();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("d"));
            stream.Write(Encoding.ASCII.GetBytes("e"));
            await stream.FlushAsync();
        }

        Assert.Equal("abcde", Encoding.ASCII.GetString(body.ToArray()));
    }

    [Fact]
    public void AsyncResponseStream_MoreThanTheLimitWrittenSynchronously_Throws()
    {
        using var stream = new AsyncResponseStream(new AsyncOnlyBody());
        stream.Write(new byte[AsyncResponseStream.MaxHeldBytes]);

        Assert.Throws<InvalidOperationException>(() => stream.Write(new byte[1]));
    }

    /// <summary>Like Kestrel's response body: synchronous I/O is refused.</summary>
    private sealed class AsyncOnlyBody : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var copy = buffer.ToArray();
            base.Write(copy, 0, copy.Length);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
