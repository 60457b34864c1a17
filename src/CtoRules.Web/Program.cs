using CtoRules.Web.Apis;
using CtoRules.Web.Hosting;

// The CtoRules site and HTTP API. Run: dotnet run --project src/CtoRules.Web -- [--rules rules] [--urls http://127.0.0.1:5080]
var builder = WebApplication.CreateBuilder(args);

builder.ExitCleanlyOnStartupErrors();
builder.LimitSlowAndLargeRequests();
builder.BindToLoopbackByDefault();
builder.AddRuleSet();
builder.AddProblemResponses();
builder.AddSiteIdentity();
builder.AddSite();
builder.AddRulePages();
builder.AddAdvisor();
builder.AddAuditTrail();
builder.AddApiV1();
builder.AddReview();
builder.AddCorpusCases();
builder.AddCdsHooks();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseProblemResponses();
app.UseHeadAndBadRequestHandling();
app.UseSiteIdentity();
app.UseApiV1();

app.MapEvaluateApi();
app.MapRuleSetApi();
app.MapHealthApi();
app.MapSite();
app.MapApiV1();
app.MapCdsHooks();

await app.PrepareDatabaseAsync();
await app.PrepareAuditAsync();
await app.PrepareReviewDatabaseAsync();
await app.RecoverInterruptedWritesAsync();
app.Run();

/// <summary>The host's entry point, visible to tests.</summary>
public partial class Program;
