using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Storage.Tests.Cases;

/// <summary>A commit leaves the case row holding exactly what it wrote, whether the store merges it (it writes every
/// column the row held) or replaces it (a column would be left behind): a field cleared is gone, whichever store wrote
/// last and whatever it remembered of the row.</summary>
public sealed class CaseRowColumnsTests : IAsyncLifetime
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 6, 14, 0);
    private AzuriteTables _tables = null!;

    public async Task InitializeAsync() => _tables = await AzuriteTables.CreateAsync();

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    // The fields a commit may set or clear, each present or not, in sequences of commits to one case.
    [Fact]
    public async Task CommitAsync_FieldsSetAndCleared_ReadBackExactlyAsWritten()
    {
        var sequences = Gen.NonEmptyListOf(Fields()).Select(l => l.Take(5).ToList()).Sample(40);
        var n = 0;
        foreach (var sequence in sequences)
        {
            var key = new CaseKey("acme-zendesk", $"columns-{n++}");
            var remembering = new CaseStore(_tables.Cases, _tables.Store.Due);
            for (var i = 0; i < sequence.Count; i++)
            {
                var wanted = sequence[i] with { Key = key };
                // Alternate the writer: one that remembers the row it wrote last, and one that reads it first.
                var writer = i % 2 == 0 ? remembering : new CaseStore(_tables.Cases, _tables.Store.Due);
                var delivery = $"d-{i}";
                Assert.Equal(CommitOutcome.Applied, await writer.CommitAsync(key, delivery, _ => new CaseChange { Snapshot = wanted }, default));

                var read = (await new CaseStore(_tables.Cases, _tables.Store.Due).GetAsync(key, default))!.Snapshot;
                Assert.True(Same(wanted, read), $"commit {i + 1} of {string.Join(" → ", sequence.Select(Describe))}: wrote {Describe(wanted)}, read {Describe(read)}");
            }
        }
    }

    private static bool Same(CaseSnapshot a, CaseSnapshot b) => Describe(a) == Describe(b);

    private static string Describe(CaseSnapshot s) =>
        $"[{s.Customer}|{s.Severity}|{s.Title}|{s.Url}|{s.Assignee}|{s.Requester}|{s.Channel}|{s.Status}|{string.Join(",", s.Unmapped)}|{s.NextDueAt}|{s.AtRiskAt}|{s.NextCheckAt}|{s.Breached}|{s.EvaluatedAt}|{s.FieldsAsOf}]";

    private static Gen<CaseSnapshot> Fields()
    {
        static Gen<string?> Text(string name) => Gen.Elements<string?>(null, name + " one", name + " two");
        static Gen<Instant?> At(int hours) => Gen.Elements<Instant?>(null, Opened + Duration.FromHours(hours), Opened + Duration.FromHours(hours * 2));
        return
            from customer in Text("customer")
            from severity in Text("severity")
            from title in Text("title")
            from url in Text("url")
            from assignee in Text("assignee")
            from requester in Text("requester")
            from channel in Text("channel")
            from status in Gen.Elements("open", "pending", "solved") // a row always holds one ("open" when none is known)
            from unmapped in Gen.Elements<string[]>([], ["custom_x"], ["custom_x", "custom_y"])
            from nextDue in At(4)
            from atRisk in At(3)
            from nextCheck in At(2)
            from breached in Gen.Elements(true, false)
            from evaluated in At(1)
            from fieldsAsOf in At(1)
            select new CaseSnapshot
            {
                Key = new CaseKey("acme-zendesk", "placeholder"),
                PolicyId = "lumenvox",
                OpenedAt = Opened,
                OpenedSeverity = "2",
                Customer = customer,
                Severity = severity,
                Title = title,
                Url = url,
                Assignee = assignee,
                Requester = requester,
                Channel = channel,
                Status = status,
                Unmapped = unmapped,
                NextDueAt = nextDue,
                AtRiskAt = atRisk,
                NextCheckAt = nextCheck,
                Breached = breached,
                EvaluatedAt = evaluated,
                FieldsAsOf = fieldsAsOf,
            };
    }
}
