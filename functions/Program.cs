using SlaFunctions.Commands;
using SlaFunctions.Endpoints;
using SlaFunctions.Hosting;
using SlaFunctions.Invocations;
using SlaFunctions.Telemetry;

if (CommandLine.Handles(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, WebRootPath = BoardWebRoot.Find() });
builder.AddSla();
builder.AddFunctionsHost();
builder.AddSlaTelemetry();

var app = builder.Build();
app.UseSlaProblems();
app.UseBoardPages();
app.MapHealthEndpoints();
app.MapPreviewEndpoints();
app.MapCaseEndpoints();
app.MapWebhookEndpoints();
app.MapConnectionEndpoints();
app.MapNoticeEndpoints();
app.MapInvocationEndpoints();
app.MapBoardEndpoints();
app.MapReportEndpoints();
app.MapPolicyEndpoints();
await app.RunAsync();
return 0;

/// <summary>The app's entry point; public so integration tests can host it.</summary>
public partial class Program;
