using System.Net;
using System.Text;
using System.Text.Json;
using CtoRules.Language.Rules;
using CtoRules.Packs;

namespace CtoRules.Web.Tests;

/// <summary>
/// The API reports the working copy's version and digests as the CLI does (issue 8, point 9): the
/// rule-content digest from the one shared function, and the published version and pack digest
/// when the content equals a pack's.
/// </summary>
[Collection(nameof(WebHostCollection))]
public sealed class RuleSetDigestTests(WebHost host)
{
    [Fact]
    public async Task The_rule_set_endpoint_and_the_apis_advice_report_what_the_shared_functions_compute()
    {
        // What the CLI computes for this working copy: the same library calls its AdvisorSource makes.
        var load = RuleSetReader.LoadDirectory(Path.Combine(WebHost.RepoRoot, "rules"));
        load.RuleSet.Should().NotBeNull();
        var expected = PublishedMatch.Apply(load.RuleSet!, Path.Combine(WebHost.RepoRoot, "packs"));
        var content = PublishedMatch.PackedDigest(load.RuleSet!);
        var published = expected.PublishedDigest is not null;

        using var response = await host.Client.GetAsync("/api/ruleset");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        info.GetProperty("contentDigest").GetString().Should().Be(content);
        info.GetProperty("published").GetBoolean().Should().Be(published);
        info.GetProperty("version").GetString().Should().Be(published ? expected.Manifest.Version : expected.Manifest.Version + "-draft");
        info.GetProperty("digest").GetString().Should().Be(expected.PublishedDigest ?? content);

        const string Case = """{ "schema": "ctorules/case@1", "id": "digest", "lesion": { "calcification": "severe" }, "procedure": { "stage": "planning" } }""";
        using var advice = await host.Client.PostAsync("/api/evaluate", new StringContent(Case, Encoding.UTF8, "application/json"));
        advice.StatusCode.Should().Be(HttpStatusCode.OK);
        var ruleSet = JsonDocument.Parse(await advice.Content.ReadAsStringAsync()).RootElement.GetProperty("ruleSet");
        ruleSet.GetProperty("version").GetString().Should().Be(info.GetProperty("version").GetString());
        if (published) ruleSet.GetProperty("digest").GetString().Should().Be(expected.PublishedDigest);
    }
}
