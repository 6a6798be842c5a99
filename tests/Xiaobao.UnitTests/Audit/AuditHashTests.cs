using System.Security.Cryptography;
using System.Text;
using Xiaobao.Audit.Domain;
using Xiaobao.Kernel.Auditing;

namespace Xiaobao.UnitTests.Audit;

public sealed class AuditHashTests
{
    public static TheoryData<string, string?, string> Entries => new()
    {
        { "admin", "01a21c7c-8fa7-74cb-adcd-3b86e4f86a11", """{"NameZh":{"after":"鑫安人寿深圳南山支公司","before":"旧名"}}""" },
        { "=HYPERLINK(\"x\")", null, """{"method":"token","outcome":"unknown-user"}""" },
        { "apikey:核心系统 <&'+>", "2025", """{"note":{"after":"emoji 🧾 and \"quotes\" \\ backslash"}}""" },
        { "system", null, "{\"rows\":" + string.Join(",", Enumerable.Range(0, 400)) + "}" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Compute_AnyEntry_IsSha256OfPreviousHashAndCanonicalForm(string actorName, string? entityId, string changes)
    {
        var previous = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(actorName)));
        var entry = Entry(actorName, entityId, changes, previous);

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.PreviousHash + AuditHash.Canonical(entry))));

        Assert.Equal(expected, AuditHash.Compute(entry));
        Assert.Equal(expected, entry.Hash);
    }

    [Fact]
    public void Compute_SameEntryTwiceAndAfterALongerOne_GivesTheSameHash()
    {
        var small = Entry("admin", "1", "{}", AuditHash.Genesis);
        var first = AuditHash.Compute(small);
        AuditHash.Compute(Entry("admin", "2", "{\"x\":\"" + new string('长', 5000) + "\"}", AuditHash.Genesis));

        Assert.Equal(first, AuditHash.Compute(small));
    }

    private static AuditEntry Entry(string actorName, string? entityId, string changes, string previous)
    {
        var actor = new ActorSnapshot(ActorKind.User, Guid.Parse("01a21c7c-8565-70d1-82c9-b25ad9d1c3cf"), actorName, null, null);
        var draft = new AuditDraft(actor, Guid.Parse("01a21c7c-8523-74fd-9475-fff9846bdc9d"), "/", "Organisation", entityId, AuditActions.Updated, changes);
        return AuditEntry.Link(draft, 42, new DateTimeOffset(2026, 11, 27, 10, 10, 55, 93, TimeSpan.Zero), previous);
    }
}
