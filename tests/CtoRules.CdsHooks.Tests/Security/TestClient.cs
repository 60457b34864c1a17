using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CtoRules.CdsHooks.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CtoRules.CdsHooks.Tests.Security;

/// <summary>A CDS client with an EC P-256 key pair made for the test; signs tokens as a client would.</summary>
public sealed class TestClient
{
    public const string Issuer = "https://ehr.example.org";
    private readonly ECDsaSecurityKey _key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "ehr-key-1" };

    public string Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(_key);
        return JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = jwk.Kid, use = "sig", alg = "ES256" } } });
    }

    public CdsHooksOptions Options() => new() { Clients = [new CdsClientOptions { Issuer = Issuer, Jwks = Jwks() }] };

    public string Token(string audience, DateTime? expires = null, DateTime? issuedAt = null, string? jti = null, string issuer = Issuer)
    {
        var now = DateTime.UtcNow;
        var iat = issuedAt ?? now;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = iat,
            Expires = expires ?? iat.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["jti"] = jti ?? Guid.NewGuid().ToString(), ["sub"] = "cds-client-1" },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    public static string Unsigned(string audience)
    {
        static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
               B64($"{{\"iss\":\"{Issuer}\",\"aud\":\"{audience}\",\"iat\":{now},\"exp\":{now + 300},\"jti\":\"{Guid.NewGuid()}\"}}") + ".";
    }

    public static string Hmac(string audience)
    {
        var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = audience, IssuedAt = now, Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString() },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
