using Markdig;

namespace CtoRules.Authoring.Rendering;

/// <summary>A rationale's Markdown as HTML for the site; raw HTML in the Markdown is not passed through, so a rule file cannot inject script.</summary>
public static class RationaleHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public static string Render(string markdown) => Markdown.ToHtml(markdown ?? "", Pipeline);
}
