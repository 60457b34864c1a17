using CtoRules.Reviews.Workflow;

namespace CtoRules.Reviews.Tests;

public class ManifestStampTests
{
    private const string Block = "id: kb\nversion: 1.0.0\n# a comment stays\nchangelog:\n  - version: 1.0.0\n    date: 2026-11-25\n    changes:\n      - First release.\n";

    [Fact]
    public void A_new_version_gets_a_new_entry_at_the_top()
    {
        var (text, problem) = ManifestStamp.Apply(Block, "1.1.0", "2026-12-05", ["Knuckle from 25 mm", "Review 2: submitted by a, approved by b, published by c."]);
        problem.Should().BeNull();
        text.Should().Be("id: kb\nversion: 1.1.0\n# a comment stays\nchangelog:\n  - version: 1.1.0\n    date: 2026-12-05\n    changes:\n" +
            "      - \"Knuckle from 25 mm\"\n      - \"Review 2: submitted by a, approved by b, published by c.\"\n" +
            "  - version: 1.0.0\n    date: 2026-11-25\n    changes:\n      - First release.\n");
    }

    [Fact]
    public void An_existing_entry_gets_the_lines_added_in_block_or_inline_form()
    {
        ManifestStamp.Apply(Block, "1.0.0", "2026-12-05", ["Review 1: x \"quoted\""]).Text
            .Should().Contain("    changes:\n      - First release.\n      - \"Review 1: x \\\"quoted\\\"\"\n");
        ManifestStamp.Apply("id: kb\nversion: 1.0.0\nchangelog:\n  - version: 1.0.0\n    changes: [First release]\n", "1.0.0", "2026-12-05", ["Review 1"]).Text
            .Should().Contain("    changes: [First release, \"Review 1\"]");
    }

    [Fact]
    public void A_manifest_without_a_changelog_is_reported_not_guessed()
    {
        ManifestStamp.Apply("id: kb\nversion: 1.0.0\n", "1.1.0", "2026-12-05", ["x"]).Problem.Should().Contain("changelog");
    }
}
