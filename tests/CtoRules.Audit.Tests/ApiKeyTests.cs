using CtoRules.Audit.Keys;
using CtoRules.Audit.Storage;

namespace CtoRules.Audit.Tests;

/// <summary>API keys: shown once, stored as a hash, scoped, revocable; on SQLite and PostgreSQL.</summary>
public abstract class ApiKeyTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_key_is_stored_only_as_a_hash_and_authenticates_until_revoked()
    {
        var keys = new ApiKeyStore(_db.NewStore());
        var created = await keys.CreateAsync("lab-app", ["evaluate"]);
        created.Secret.Should().StartWith(ApiKeyStore.KeyPrefix).And.HaveLength(ApiKeyStore.KeyPrefix.Length + 43);
        created.Key.Hash.Should().Be(ApiKeyStore.HashOf(created.Secret)).And.NotContain(created.Secret);

        var listed = (await keys.ListAsync()).Should().ContainSingle().Subject;
        (listed.Name, listed.Scopes, listed.LastUsedAt).Should().Be(("lab-app", "evaluate", (DateTime?)null));
        created.Secret.Should().StartWith(listed.Prefix);

        (await keys.AuthenticateAsync(created.Secret))!.Name.Should().Be("lab-app");
        (await keys.ListAsync()).Single().LastUsedAt.Should().NotBeNull();
        (await keys.AuthenticateAsync(created.Secret + "x")).Should().BeNull();
        (await keys.AuthenticateAsync("not-a-key")).Should().BeNull();

        await keys.RevokeAsync("lab-app");
        (await keys.AuthenticateAsync(created.Secret)).Should().BeNull();
        (await keys.ListAsync()).Single().IsRevoked.Should().BeTrue();
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_a_reason()
    {
        var keys = new ApiKeyStore(_db.NewStore());
        await keys.CreateAsync("app", ["read", "evaluate"]);
        (await keys.ListAsync()).Single().Scopes.Should().Be("evaluate read");
        await keys.Invoking(k => k.CreateAsync("app", ["read"])).Should().ThrowAsync<ApiKeyException>().WithMessage("*already exists*");
        await keys.Invoking(k => k.CreateAsync("other", ["write"])).Should().ThrowAsync<ApiKeyException>().WithMessage("unknown scope 'write'*");
        await keys.Invoking(k => k.CreateAsync("other", [])).Should().ThrowAsync<ApiKeyException>().WithMessage("*at least one scope*");
        await keys.Invoking(k => k.CreateAsync("has space", ["read"])).Should().ThrowAsync<ApiKeyException>();
        await keys.Invoking(k => k.RevokeAsync("nobody")).Should().ThrowAsync<ApiKeyException>().WithMessage("no key named 'nobody'");
    }
}

public sealed class SqliteApiKeyTests() : ApiKeyTests(AuditStoreOptions.Sqlite);

public sealed class PostgresApiKeyTests() : ApiKeyTests(AuditStoreOptions.Postgres);
