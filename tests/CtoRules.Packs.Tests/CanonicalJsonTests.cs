using System.Text;
using System.Text.Json.Nodes;
using CtoRules.Authoring.Publishing;
using CtoRules.Authoring.Tests;
using CtoRules.Language.Rules;
using CtoRules.Packs.Canonical;

namespace CtoRules.Packs.Tests;

public class CanonicalJsonTests
{
    [Fact]
    public void Sorts_keys_ordinally_at_every_level_and_drops_whitespace()
    {
        var node = JsonNode.Parse("""
            { "b": [ 3, { "z": true, "a": null } ],
              "a": "x",
              "B": { "é": "ü", "e": "line1\r\nline2\rline3" } }
            """);
        Encoding.UTF8.GetString(CanonicalJson.ToBytes(node)).Should().Be(
            """{"B":{"e":"line1\nline2\nline3","é":"ü"},"a":"x","b":[3,{"a":null,"z":true}]}""");
    }

    [Fact]
    public void Escapes_only_what_JSON_requires()
    {
        var node = new JsonObject { ["s"] = "quote \" backslash \\ tab \t bell \u0007 slash / emoji 🫀 <html>" };
        CanonicalJson.ToText(node).Should().Be("{\"s\":\"quote \\\" backslash \\\\ tab \\t bell \\u0007 slash / emoji 🫀 <html>\"}");
    }

    [Fact]
    public void Is_the_same_whatever_the_key_order_line_endings_and_layout()
    {
        var a = JsonNode.Parse("{\"manifest\":{\"id\":\"x\",\"ruleCount\":2},\"rules\":[{\"source\":\"---\\nid: a\\n---\\n\"}]}");
        var b = JsonNode.Parse("{\r\n  \"rules\" : [ { \"source\" : \"---\\r\\nid: a\\r\\n---\\r\\n\" } ],\r\n  \"manifest\" : { \"ruleCount\" : 2, \"id\" : \"x\" }\r\n}");
        CanonicalJson.ToBytes(a).Should().Equal(CanonicalJson.ToBytes(b));
        CanonicalJson.Digest(a).Should().Be(CanonicalJson.Digest(b)).And.MatchRegex("^sha256:[0-9a-f]{64}$");
    }

    [Fact]
    public void The_indented_form_has_the_same_canonical_bytes()
    {
        var node = JsonNode.Parse("{\"b\":[1,2],\"a\":{\"c\":\"d\"}}");
        var indented = CanonicalJson.ToText(node, indented: true);
        indented.Should().Be("{\n  \"a\": {\n    \"c\": \"d\"\n  },\n  \"b\": [\n    1,\n    2\n  ]\n}\n");
        CanonicalJson.ToBytes(JsonNode.Parse(indented)).Should().Equal(CanonicalJson.ToBytes(node));
    }

    [Fact]
    public void Refuses_fractions_and_unpaired_surrogates()
    {
        FluentActions.Invoking(() => CanonicalJson.ToBytes(JsonNode.Parse("{\"a\":1.5}"))).Should().Throw<CanonicalJsonException>().WithMessage("*integers*");
        FluentActions.Invoking(() => CanonicalJson.ToBytes(new JsonObject { ["a"] = "\ud800" })).Should().Throw<CanonicalJsonException>();
    }

    [Fact]
    public void A_pack_built_from_CRLF_sources_has_the_digest_of_one_built_from_LF_sources()
    {
        var kb = new TestKb();
        var lf = PackBuilder.Build(RuleSetReader.LoadDirectory(kb.Rules).RuleSet!, TestKb.Now);
        foreach (var file in Directory.EnumerateFiles(kb.Root, "*.*", SearchOption.AllDirectories))
            File.WriteAllText(file, File.ReadAllText(file).Replace("\n", "\r\n"));
        var crlfSet = RuleSetReader.LoadDirectory(kb.Rules).RuleSet!;
        crlfSet.Rules[0].Source.Text.Should().Contain("\r\n", "the sources really are CRLF now");
        var crlf = PackBuilder.Build(crlfSet, TestKb.Now);
        crlf.ComputeDigest().Should().Be(lf.ComputeDigest());
    }
}
