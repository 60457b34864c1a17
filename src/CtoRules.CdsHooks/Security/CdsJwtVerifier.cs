using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CtoRules.CdsHooks.Security;

/// <summary>
/// Verifies the bearer JWT a CDS client sends, as CDS Hooks 2.0 asks: signed with an asymmetric
/// algorithm (never <c>none</c>, never HMAC with a shared secret), <c>iss</c> on the allowlist and
/// verified with that issuer's JWKS, <c>aud</c> equal to the URL of the endpoint called, a
/// current <c>exp</c>, an <c>iat</c> not in the future, and a <c>jti</c> not seen before.
/// </summary>
public sealed class CdsJwtVerifier(CdsHooksOptions options, JtiReplayCache replay, HttpClient http, TimeProvider time)
{
    /// <summary>Asymmetric algorithms only: RSA, RSA-PSS and ECDSA.</summary>
    public static readonly IReadOnlySet<string> AllowedAlgorithms = new HashSet<string>(StringComparer.Ordinal)
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
    };

    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, (JsonWebKeySet Keys, DateTimeOffset Until)> _jwks = new(StringComparer.Ordinal);

    /// <param name="authorization">The Authorization header value.</param>
    /// <param name="audience">The absolute URL of the endpoint being called.</param>
    public async Task<JwtVerification> VerifyAsync(string? authorization, string audience, CancellationToken cancel)
    {
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            return JwtVerification.Fail("no Authorization: Bearer token");
        var raw = authorization["Bearer ".Length..].Trim();
        JsonWebToken token;
        try { token = new JsonWebToken(raw); }
        catch (ArgumentException) { return JwtVerification.Fail("the bearer token is not a JWT"); }

        if (!AllowedAlgorithms.Contains(token.Alg))
            return JwtVerification.Fail($"algorithm '{token.Alg}' is not allowed; CDS Hooks needs an asymmetric signature (RS*, PS*, ES*)");
        var client = options.Clients.FirstOrDefault(c => c.Issuer == token.Issuer);
        if (client is null) return JwtVerification.Fail($"issuer '{token.Issuer}' is not a trusted CDS client");
        if (string.IsNullOrEmpty(token.Id)) return JwtVerification.Fail("the token has no jti");
        if (!token.TryGetPayloadValue<long>("iat", out _)) return JwtVerification.Fail("the token has no iat");

        JsonWebKeySet keys;
        try { keys = await KeysAsync(client, cancel); }
        catch (Exception e) when (e is HttpRequestException or ArgumentException or InvalidOperationException or TaskCanceledException)
        {
            return JwtVerification.Fail($"the JWKS of '{client.Issuer}' cannot be read: {e.Message}");
        }
        var now = time.GetUtcNow();
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = client.Issuer,
            ValidAudience = audience,
            ValidAlgorithms = AllowedAlgorithms,
            // Only asymmetric keys from the issuer's JWKS: a symmetric key there is ignored.
            IssuerSigningKeys = keys.GetSigningKeys().Where(k => k is RsaSecurityKey or ECDsaSecurityKey or JsonWebKey { Kty: "RSA" or "EC" }),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            ClockSkew = Skew,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && exp + Skew >= now.UtcDateTime && (notBefore is null || notBefore.Value - Skew <= now.UtcDateTime),
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
            return JwtVerification.Fail(result.Exception switch
            {
                SecurityTokenInvalidAudienceException => $"aud must be {audience}",
                SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException => "the token has expired",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the signature does not verify with the issuer's JWKS",
                SecurityTokenInvalidAlgorithmException => "the algorithm is not allowed",
                _ => "the token is not valid: " + (result.Exception?.GetType().Name ?? "unknown reason"),
            });
        if (token.IssuedAt.ToUniversalTime() - Skew > now.UtcDateTime) return JwtVerification.Fail("iat is in the future");
        if (!replay.TryUse(client.Issuer, token.Id, token.ValidTo)) return JwtVerification.Fail($"jti '{token.Id}' was already used");
        return JwtVerification.Ok(client.Issuer, token.Subject);
    }

    private async Task<JsonWebKeySet> KeysAsync(CdsClientOptions client, CancellationToken cancel)
    {
        if (client.Jwks is { Length: > 0 } inline) return new JsonWebKeySet(inline);
        if (client.JwksUrl is not { Length: > 0 } url) throw new InvalidOperationException("no Jwks or JwksUrl configured");
        var now = time.GetUtcNow();
        if (_jwks.TryGetValue(url, out var cached) && cached.Until > now) return cached.Keys;
        var json = await http.GetStringAsync(url, cancel);
        var keys = new JsonWebKeySet(json);
        _jwks[url] = (keys, now.AddMinutes(10));
        return keys;
    }
}

/// <summary>The outcome of verifying a CDS client's JWT.</summary>
public sealed record JwtVerification(bool IsValid, string? Issuer, string? Subject, string? Error)
{
    public static JwtVerification Ok(string issuer, string? subject) => new(true, issuer, subject, null);
    public static JwtVerification Fail(string error) => new(false, null, null, error);
}
