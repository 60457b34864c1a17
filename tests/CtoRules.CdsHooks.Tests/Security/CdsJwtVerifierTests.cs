using CtoRules.CdsHooks.Security;

namespace CtoRules.CdsHooks.Tests.Security;

public class CdsJwtVerifierTests
{
    private const string Aud = "https://cds.example.org/cds-services/cto-calcium-advisor";
    private readonly TestClient _client = new();
    private readonly CdsJwtVerifier _verifier;

    public CdsJwtVerifierTests() =>
        _verifier = new CdsJwtVerifier(_client.Options(), new JtiReplayCache(TimeProvider.System), new HttpClient(), TimeProvider.System);

    private Task<JwtVerification> Verify(string token, string aud = Aud) => _verifier.VerifyAsync("Bearer " + token, aud, CancellationToken.None);

    [Fact]
    public async Task A_token_signed_by_a_trusted_client_for_this_endpoint_is_accepted()
    {
        var result = await Verify(_client.Token(Aud));
        result.IsValid.Should().BeTrue(result.Error);
        result.Issuer.Should().Be(TestClient.Issuer);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var iat = DateTime.UtcNow.AddMinutes(-20);
        (await Verify(_client.Token(Aud, expires: iat.AddMinutes(5), issuedAt: iat))).Error.Should().Be("the token has expired");
    }

    [Fact]
    public async Task A_token_for_another_endpoint_is_refused()
    {
        (await Verify(_client.Token("https://cds.example.org/cds-services/other"))).Error.Should().Be($"aud must be {Aud}");
    }

    [Fact]
    public async Task An_unknown_issuer_is_refused()
    {
        (await Verify(_client.Token(Aud, issuer: "https://evil.example.org"))).Error
            .Should().Be("issuer 'https://evil.example.org' is not a trusted CDS client");
    }

    [Fact]
    public async Task Alg_none_is_refused()
    {
        (await Verify(TestClient.Unsigned(Aud))).Error.Should().StartWith("algorithm 'none' is not allowed");
    }

    [Fact]
    public async Task An_HMAC_token_is_refused()
    {
        (await Verify(TestClient.Hmac(Aud))).Error.Should().StartWith("algorithm 'HS256' is not allowed");
    }

    [Fact]
    public async Task A_replayed_jti_is_refused()
    {
        var token = _client.Token(Aud, jti: "once-only");
        (await Verify(token)).IsValid.Should().BeTrue();
        (await Verify(token)).Error.Should().Be("jti 'once-only' was already used");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_of_the_same_issuer_name_is_refused()
    {
        (await Verify(new TestClient().Token(Aud))).Error.Should().Be("the signature does not verify with the issuer's JWKS");
    }

    [Fact]
    public async Task No_bearer_token_is_refused()
    {
        (await _verifier.VerifyAsync(null, Aud, CancellationToken.None)).Error.Should().Be("no Authorization: Bearer token");
    }
}
