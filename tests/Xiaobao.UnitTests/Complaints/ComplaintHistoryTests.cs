using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xiaobao.Complaints.Domain;
using Xiaobao.Complaints.Domain.Events;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Localization;
using static Xiaobao.UnitTests.Complaints.China;

namespace Xiaobao.UnitTests.Complaints;

public sealed class ComplaintHistoryTests
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void FromHistory_ReplayOfALongLife_RebuildsTheSameState()
    {
        var driver = LongLife();
        var original = driver.Complaint;

        var rebuilt = Complaint.FromHistory(original.Id, original.History);

        Assert.Equal(original.History, rebuilt.History);
        Assert.Equal(
            (original.Status, original.Stage, original.Organisation, original.VerifyingOrganisation, original.Handler, original.ServiceOfficer, original.IsMajor, original.ExtensionLevel, original.Decision, original.RootCause, original.Facts.IsRepeat, original.Classification),
            (rebuilt.Status, rebuilt.Stage, rebuilt.Organisation, rebuilt.VerifyingOrganisation, rebuilt.Handler, rebuilt.ServiceOfficer, rebuilt.IsMajor, rebuilt.ExtensionLevel, rebuilt.Decision, rebuilt.RootCause, rebuilt.Facts.IsRepeat, rebuilt.Classification));
        var (expected, actual) = (original.Deadlines(Rules, China.Calendar, driver.Now), rebuilt.Deadlines(Rules, China.Calendar, driver.Now));
        Assert.Equal((expected.Decision, expected.Verification), (actual.Decision, actual.Verification));
        Assert.Equal(expected.Organisations, actual.Organisations);
        Assert.Equal(expected.Levels, actual.Levels);
    }

    [Fact]
    public void History_ThroughJson_RoundTripsEveryEventWithItsTypeName()
    {
        var history = LongLife().Complaint.History;

        var json = JsonSerializer.Serialize(history, _json);
        var read = JsonSerializer.Deserialize<List<ComplaintEvent>>(json, _json)!;

        Assert.Equal(history.Count, read.Count);
        Assert.All(history.Zip(read), pair => Assert.Equal(pair.First.GetType(), pair.Second.GetType()));
        Assert.Equal(
            JsonSerializer.Serialize(history, _json),
            JsonSerializer.Serialize(read, _json));
        Assert.Contains("\"type\":\"verification-requested\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEventType_HasAStableJsonTypeName()
    {
        var named = typeof(ComplaintEvent).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false).Cast<JsonDerivedTypeAttribute>().ToList();
        var concrete = typeof(ComplaintEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ComplaintEvent)) && !t.IsAbstract).ToList();

        Assert.Equal(concrete.OrderBy(t => t.Name), named.Select(n => n.DerivedType).OrderBy(t => t.Name));
        Assert.Equal(named.Count, named.Select(n => n.TypeDiscriminator).Distinct().Count());
    }

    [Fact]
    public void LongLife_EveryEventCarriesWhoWhenAndTheActingOrganisation()
    {
        var history = LongLife().Complaint.History;

        Assert.All(history, e => Assert.Equal(ActorKind.User, e.Stamp.By.Kind));
        Assert.Equal(history.OrderBy(e => e.Stamp.At).Select(e => e.Stamp.At), history.Select(e => e.Stamp.At));
        var transfer = Assert.Single(history.OfType<ComplaintTransferred>());
        Assert.Equal((Orgs.SubBranch, Orgs.OtherSubBranch), (transfer.Organisation, transfer.To));
        var verification = Assert.Single(history.OfType<VerificationRequested>());
        Assert.Equal((Orgs.OtherSubBranch, Orgs.City), (verification.Organisation, verification.VerifyingOrganisation));
        Assert.Equal(Orgs.City, history.OfType<ComplaintDecided>().Single(d => d.Stage == ComplaintStage.Verification).Organisation);
    }

    [Fact]
    public void FromHistory_NotStartingWithRegistration_IsRefused()
    {
        var history = LongLife().Complaint.History;

        Assert.Throws<ArgumentException>(() => Complaint.FromHistory(Guid.NewGuid(), history.Skip(1)));
        Assert.Throws<ArgumentException>(() => Complaint.FromHistory(Guid.NewGuid(), []));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void StatusesAndActions_EveryOne_HasAName(string culture)
    {
        var original = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var names = Enum.GetValues<ComplaintStatus>().Select(s => UiText.Get($"Complaint.Status.{s}"))
                .Concat(Enum.GetValues<ComplaintAction>().Select(a => UiText.Get($"Complaint.Action.{a}")))
                .ToList();

            Assert.DoesNotContain(names, n => n.StartsWith('⟦'));
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }

    // Registered, classified, transferred, paused, extended, escalated and handed back, repeated without new facts,
    // decided, notified, closed, then verified at the upper level and closed again.
    private static ComplaintDriver LongLife()
    {
        var driver = ComplaintDriver.China(Cst(2024, 9, 20));
        var complaint = driver.Complaint;
        complaint.Classify(new ComplaintClassification("disease", "claim_dispute", false), Rules, Taxonomy, driver.Next());
        complaint.Transfer(Orgs.OtherSubBranch, "保单归属", driver.Next());
        driver.Investigate().Pause("mediation").Resume(driver.Now.AddDays(2));
        complaint.Extend(1, "复杂", new ExtensionApproval(Orgs.Staff(Orgs.City), "BranchManager"), driver.Notice("sms"), Rules, China.Calendar, driver.Next());
        complaint.Escalate(Orgs.Staff(Orgs.Province), [], driver.Next());
        complaint.HandBack(null, "已约见", driver.Next());
        complaint.RecordRepeat(Guid.NewGuid(), newFacts: false, Rules, driver.Next());
        driver.Decide().Notify().Close().RequestVerification(Orgs.City).Assign().Decide().Notify().Close();
        return driver;
    }
}
