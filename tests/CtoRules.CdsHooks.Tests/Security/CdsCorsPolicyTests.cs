using CtoRules.CdsHooks.Security;

namespace CtoRules.CdsHooks.Tests.Security;

public sealed class CdsCorsPolicyTests
{
    private static Dictionary<string, string> Headers(CdsCorsPolicy policy, string? origin, bool preflight = false) =>
        policy.HeadersFor(origin, preflight).ToDictionary(h => h.Key, h => h.Value);

    [Fact]
    public void Any_origin_gets_the_literal_star_and_never_credentials()
    {
        var h = Headers(new CdsCorsPolicy(["*"]), "https://evil.example", preflight: true);
        h["Access-Control-Allow-Origin"].Should().Be("*", "an echoed origin would be a wildcard in disguise");
        h.Should().NotContainKey("Access-Control-Allow-Credentials");
        h["Access-Control-Allow-Methods"].Should().Be("GET, POST, OPTIONS");
        h["Access-Control-Allow-Headers"].Should().Be("Authorization, Content-Type");
        h["Access-Control-Max-Age"].Should().Be("600");
    }

    [Fact]
    public void An_allowlisted_origin_is_echoed_with_vary_and_matched_without_case_or_trailing_slash()
    {
        var policy = new CdsCorsPolicy(["https://EHR.example.org/"]);
        var h = Headers(policy, "https://ehr.example.org");
        h["Access-Control-Allow-Origin"].Should().Be("https://ehr.example.org");
        h["Vary"].Should().Be("Origin");
        h.Should().NotContainKey("Access-Control-Allow-Methods", "only a preflight gets the method list");
    }

    [Fact]
    public void An_origin_off_the_allowlist_gets_no_allow_header()
    {
        var h = Headers(new CdsCorsPolicy(["https://ehr.example.org"]), "https://ehr.example.org.evil.example", preflight: true);
        h.Should().NotContainKey("Access-Control-Allow-Origin");
        h["Vary"].Should().Be("Origin");
    }

    [Fact]
    public void A_request_without_an_origin_is_not_a_cross_origin_call()
    {
        new CdsCorsPolicy(["*"]).HeadersFor(null, preflight: false).Should().BeEmpty();
    }
}
