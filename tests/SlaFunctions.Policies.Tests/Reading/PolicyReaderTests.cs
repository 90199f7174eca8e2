using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Contracts;
using Xunit;

namespace SlaFunctions.Policies.Tests.Reading;

public sealed class PolicyReaderTests
{
    [Fact]
    public void Read_ValidYaml_BuildsEveryPart()
    {
        var result = PolicyText.Read(PolicyText.Valid);

        Assert.Empty(result.Problems);
        var policy = result.Policy!;
        Assert.Equal("acme", policy.Id);
        Assert.Equal(["1", "2"], policy.Severities.Select(s => s.Id));
        Assert.Equal(3, policy.Calendars.Count); // business, after-hours, and the built-in 24x7
        Assert.Equal("1", policy.FindSeverity("URGENT")!.Id);
        Assert.Equal(TargetKind.Update, policy.Severities[0].FindTarget("update")!.Kind);
        Assert.Equal(2, policy.Severities[1].FindTarget("resolution")!.Goal.BusinessDays);
        Assert.Equal("firstResponse-percent75", policy.Escalations.Single().Id);
    }

    [Fact]
    public void Read_SameDocumentAsJson_GivesTheSamePolicy()
    {
        var yaml = PolicyText.Read(PolicyText.Valid).Policy!;
        var json = PolicyReader.Read(YamlAsJson(PolicyText.Valid), PolicyFormat.Json, null).Policy!;

        Assert.Equal(yaml.Id, json.Id);
        Assert.Equal(yaml.Severities.Select(s => (s.Id, s.Name, string.Join(",", s.Aliases), s.Targets.Count)),
            json.Severities.Select(s => (s.Id, s.Name, string.Join(",", s.Aliases), s.Targets.Count)));
        var start = Instant.FromUtc(2026, 3, 6, 20, 0);
        Assert.Equal(yaml.Calendars["business"].AddOpenTime(start, Duration.FromHours(4)), json.Calendars["business"].AddOpenTime(start, Duration.FromHours(4)));
    }

    [Fact]
    public void Read_ComplementCalendar_IsOpenWhenTheOtherIsClosed()
    {
        var policy = PolicyText.Read(PolicyText.Valid).Policy!;
        var business = policy.Calendars["business"];
        var afterHours = policy.Calendars["after-hours"];
        var from = Instant.FromUtc(2026, 3, 2, 0, 0);
        var to = Instant.FromUtc(2026, 3, 16, 0, 0);

        Assert.Equal(to - from, business.OpenTimeBetween(from, to) + afterHours.OpenTimeBetween(from, to));
    }

    [Theory]
    [InlineData("{ not yaml: [", "is not valid YAML")] // unclosed flow sequence
    [InlineData("- just\n- a list", "must be a map")] // the document must be a map
    public void Read_NotAPolicyDocument_SaysWhy(string text, string message)
    {
        var result = PolicyText.Read(text);

        Assert.Null(result.Policy);
        Assert.Contains(result.Problems, p => p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_BadJson_GivesLine()
    {
        var result = PolicyReader.Read("{\n  \"id\": \"x\",\n  oops\n}", PolicyFormat.Json, null);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("line 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateYamlKey_IsAProblemNotAnOverwrite()
    {
        var result = PolicyText.Read("id: a\nid: b\nname: x\n");

        Assert.Null(result.Policy);
        Assert.Contains(result.Problems, p => p.Message.Contains("line 2", StringComparison.Ordinal) && p.Message.Contains("id", StringComparison.Ordinal));
    }

    private static string YamlAsJson(string yaml)
    {
        // Hand-converted twin of PolicyText.Valid, so the JSON path is exercised on its own parser.
        _ = yaml;
        var json = new JsonObject
        {
            ["id"] = "acme",
            ["name"] = "Acme gold support",
            ["calendars"] = new JsonObject
            {
                ["business"] = new JsonObject
                {
                    ["timeZone"] = "America/New_York",
                    ["hours"] = new JsonObject
                    {
                        ["mon"] = new JsonArray("08:00-17:00"),
                        ["tue"] = new JsonArray("08:00-17:00"),
                        ["wed"] = new JsonArray("08:00-17:00"),
                        ["thu"] = new JsonArray("08:00-17:00"),
                        ["fri"] = new JsonArray("08:00-17:00"),
                    },
                    ["holidays"] = new JsonArray("2026-12-25"),
                },
                ["after-hours"] = new JsonObject { ["complementOf"] = "business" },
            },
            ["severities"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = 1,
                    ["name"] = "Critical",
                    ["aliases"] = new JsonArray("p1", "urgent"),
                    ["targets"] = new JsonObject
                    {
                        ["firstResponse"] = new JsonObject { ["within"] = "1h", ["calendar"] = "24x7" },
                        ["update"] = new JsonObject { ["every"] = "4h", ["calendar"] = "24x7" },
                        ["resolution"] = new JsonObject { ["within"] = "1d", ["calendar"] = "24x7" },
                    },
                },
                new JsonObject
                {
                    ["id"] = "2",
                    ["name"] = "High",
                    ["aliases"] = new JsonArray("p2"),
                    ["targets"] = new JsonObject
                    {
                        ["firstResponse"] = new JsonObject { ["within"] = "4h", ["calendar"] = "business" },
                        ["resolution"] = new JsonObject { ["businessDays"] = 2, ["calendar"] = "business" },
                    },
                }),
            ["escalations"] = new JsonArray(new JsonObject
            {
                ["target"] = "firstResponse",
                ["at"] = new JsonObject { ["percent"] = 75 },
                ["notify"] = new JsonArray("assignee"),
            }),
        };
        return json.ToJsonString();
    }
}
