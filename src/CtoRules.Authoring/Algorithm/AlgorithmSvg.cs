using System.Globalization;
using System.Net;
using System.Text;

namespace CtoRules.Authoring.Algorithm;

/// <summary>
/// Draws a diagram as standalone SVG: boxes on the grid, arrows with labels, each box a link to
/// its first rule (<paramref name="ruleLink"/>) and titled with all its rules. With box states the
/// case's path is coloured and each box says its state in words (colour is never the only cue).
/// </summary>
public static class AlgorithmSvg
{
    private const int BoxWidth = 220, BoxHeight = 64, GapX = 40, GapY = 46, Margin = 16;

    public static string Render(AlgorithmDiagram diagram, IReadOnlyDictionary<string, BoxState>? states = null, Func<string, string>? ruleLink = null)
    {
        var columns = diagram.Boxes.Max(b => b.Column) + 1;
        var rows = diagram.Boxes.Max(b => b.Row) + 1;
        var width = Margin * 2 + columns * BoxWidth + (columns - 1) * GapX;
        var height = Margin * 2 + rows * BoxHeight + (rows - 1) * GapY;
        var svg = new StringBuilder();
        // A group, not an img: the boxes are links, and an img's children are hidden from assistive technology.
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"group\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-labelledby=\"{diagram.Id}-title\" class=\"algorithm\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{diagram.Id}-title\">{Esc(diagram.Title)}</title>");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker></defs>");

        foreach (var e in diagram.Edges)
        {
            var (a, b) = (diagram.Box(e.From), diagram.Box(e.To));
            var (x1, y1) = (X(a) + BoxWidth / 2, Y(a) + BoxHeight);
            var (x2, y2) = (X(b) + BoxWidth / 2, Y(b));
            if (a.Row == b.Row) (x1, y1, x2, y2) = (X(a) + BoxWidth, Y(a) + BoxHeight / 2, X(b), Y(b) + BoxHeight / 2);
            var on = states is not null && states.GetValueOrDefault(e.From) == BoxState.Fired && states.GetValueOrDefault(e.To) != BoxState.NotReached;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{(on ? "#1b5e20" : "#444")}\" stroke-width=\"{(on ? 3 : 1.5)}\" marker-end=\"url(#arrow)\" class=\"edge{(on ? " edge-on" : "")}\"/>");
            if (e.Label.Length > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(x1 + x2) / 2 + 4}\" y=\"{(y1 + y2) / 2}\" font-size=\"11\" fill=\"#333\">{Esc(e.Label)}</text>");
        }

        foreach (var box in diagram.Boxes)
        {
            var state = states?.GetValueOrDefault(box.Id);
            var (fill, stroke, word) = state switch
            {
                BoxState.Fired => ("#c8e6c9", "#1b5e20", "fired"),
                BoxState.Undecided => ("#fff3c4", "#8a6d00", "undecided"),
                BoxState.NotReached => ("#eeeeee", "#757575", "not reached"),
                _ => ("#ffffff", "#37474f", ""),
            };
            var href = ruleLink is null || box.Rules.IsEmpty ? null : ruleLink(box.Rules[0]);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"box{(state is null ? "" : " box-" + word.Replace(' ', '-'))}\" data-box=\"{box.Id}\" data-state=\"{word}\">");
            if (href is not null) svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{Esc(href)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{Esc(box.Title)}{(word.Length > 0 ? " (" + word + ")" : "")}: {Esc(string.Join(", ", box.Rules))}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(box)}\" y=\"{Y(box)}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(state == BoxState.Fired ? 3 : 1.5)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(box) + 10}\" y=\"{Y(box) + 22}\" font-size=\"13\" font-weight=\"bold\" fill=\"#111\">{Esc(box.Title)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(box) + 10}\" y=\"{Y(box) + 40}\" font-size=\"10.5\" fill=\"#222\">{Esc(Clip(box.Detail, 40))}</text>");
            if (word.Length > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(box) + 10}\" y=\"{Y(box) + 56}\" font-size=\"10.5\" font-style=\"italic\" fill=\"#111\">{word}</text>");
            if (href is not null) svg.Append("</a>");
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static int X(AlgorithmBox b) => Margin + b.Column * (BoxWidth + GapX);
    private static int Y(AlgorithmBox b) => Margin + b.Row * (BoxHeight + GapY);
    private static string Esc(string s) => WebUtility.HtmlEncode(s);
    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
