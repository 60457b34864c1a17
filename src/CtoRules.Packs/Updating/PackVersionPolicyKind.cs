namespace CtoRules.Packs.Updating;

/// <summary>The three version policies of a <see cref="PackWatcher"/>.</summary>
public enum PackVersionPolicyKind
{
    /// <summary>Stay within one major version (the default).</summary>
    SameMajor,

    /// <summary>Take every newer version.</summary>
    FollowNewest,

    /// <summary>Take one exact version only.</summary>
    Pin,
}
