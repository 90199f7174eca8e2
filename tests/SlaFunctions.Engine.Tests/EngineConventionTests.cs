using SlaFunctions.Engine.Calendars;
using Xunit;

namespace SlaFunctions.Engine.Tests;

/// <summary>The engine stays a plain library: NodaTime and the BCL, nothing from ASP.NET or Azure (STYLE: Where things live).</summary>
public sealed class EngineConventionTests
{
    [Fact]
    public void EngineAssembly_References_NoAspNetCoreOrAzure()
    {
        var references = typeof(BusinessCalendar).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Contains("NodaTime", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Azure", StringComparison.Ordinal));
    }
}
