using CtoRules.Audit.Replay;
using CtoRules.Packs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CtoRules.Web.Apis.V1;

/// <summary>The pack a request names with <c>?pack=VERSION</c>, or the newest published one; never the working copy.</summary>
public static class PackChoice
{
    public static bool TryChoose(PackLibrary packs, string? version, out RulePack pack, out ProblemHttpResult? problem)
    {
        var found = string.IsNullOrWhiteSpace(version) ? packs.Newest() : packs.ByVersion(version.Trim());
        pack = found!;
        problem = found is null ? ApiProblems.NoPack(string.IsNullOrWhiteSpace(version) ? null : version, packs.Folder) : null;
        return found is not null;
    }
}
