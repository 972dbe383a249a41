using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace SpecialistPlatform.Console.Display;

/// <summary>
/// Horizontal bar charts as inline SVG: one row per label, each bar made of coloured segments, values written at the
/// bar's end. The chart is sized by a viewBox, so it scales with the page, and needs no script (as the evaluation
/// reports draw theirs).
/// </summary>
public static class SvgBars
{
    public sealed record Segment(string Name, double Value, string Colour);

    public sealed record Row(string Label, IReadOnlyList<Segment> Segments, string Total);

    private const double LabelWidth = 190, BarWidth = 520, ValueWidth = 160, RowHeight = 24, Top = 8, LegendHeight = 26;

    public static IHtmlContent Render(string title, IReadOnlyList<Row> rows)
    {
        var max = rows.Select(row => row.Segments.Sum(s => s.Value)).DefaultIfEmpty(0).Max();
        var names = rows.SelectMany(row => row.Segments).Select(s => (s.Name, s.Colour)).Distinct().ToList();
        var height = Top + rows.Count * RowHeight + (names.Count > 1 ? LegendHeight : 4);
        var width = LabelWidth + BarWidth + ValueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{E(title)}\" viewBox=\"0 0 {F(width)} {F(height)}\" width=\"100%\" style=\"max-width:{F(width)}px\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + i * RowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(LabelWidth - 8)}\" y=\"{F(y + 15)}\" text-anchor=\"end\">{E(row.Label)}</text>");
            var x = LabelWidth;
            foreach (var segment in row.Segments.Where(s => s.Value > 0))
            {
                var w = max == 0 ? 0 : segment.Value / max * BarWidth;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{F(x)}\" y=\"{F(y + 3)}\" width=\"{F(Math.Max(w, 1))}\" height=\"{F(RowHeight - 7)}\" fill=\"{segment.Colour}\"><title>{E(row.Label)}: {E(segment.Name)} {F(segment.Value)}</title></rect>");
                x += w;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 6)}\" y=\"{F(y + 15)}\">{E(row.Total)}</text>");
        }

        if (names.Count > 1)
        {
            var legendX = LabelWidth;
            var legendY = Top + rows.Count * RowHeight + 8;
            foreach (var (name, colour) in names)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(legendX)}\" y=\"{F(legendY)}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(legendX + 16)}\" y=\"{F(legendY + 10)}\">{E(name)}</text>");
                legendX += 30 + name.Length * 6.5;
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
