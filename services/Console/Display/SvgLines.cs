using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace SpecialistPlatform.Console.Display;

/// <summary>
/// Line charts over time as inline SVG, drawn as <see cref="SvgBars"/> draws its bars: a viewBox so it scales with the
/// page, a title per point to read the exact value on hover, a legend, and no script. The y axis is a share from 0 to
/// 100%, which is what the console plots over time (a shadow's agreement).
/// </summary>
public static class SvgLines
{
    public sealed record Point(DateTimeOffset At, double Share, string Note);

    public sealed record Line(string Name, string Colour, IReadOnlyList<Point> Points);

    private const double Left = 48, PlotWidth = 640, Right = 16, Top = 10, PlotHeight = 160, AxisHeight = 24, LegendHeight = 22;

    /// <summary>Colours for successive lines, distinct on screen and in print.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#2f5fd0", "#d39b1f", "#2f8f4e", "#b3261e", "#7a4fc0", "#1b8a96"];

    public static IHtmlContent Render(string title, IReadOnlyList<Line> lines)
    {
        var points = lines.SelectMany(line => line.Points).ToList();
        var width = Left + PlotWidth + Right;
        var height = Top + PlotHeight + AxisHeight + LegendHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{E(title)}\" viewBox=\"0 0 {F(width)} {F(height)}\" width=\"100%\" style=\"max-width:{F(width)}px\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>");
        foreach (var share in new[] { 0, 0.5, 0.9, 1 })
        {
            var y = Y(share);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" y1=\"{F(y)}\" x2=\"{F(Left + PlotWidth)}\" y2=\"{F(y)}\" stroke=\"#d5dbe5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{share:0%}</text>");
        }

        if (points.Count > 0)
        {
            var first = points.Min(p => p.At);
            var last = points.Max(p => p.At);
            var span = Math.Max((last - first).TotalSeconds, 1);
            double X(DateTimeOffset at) => Left + (at - first).TotalSeconds / span * PlotWidth;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left)}\" y=\"{F(Top + PlotHeight + 16)}\">{E(Show.Time(first))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left + PlotWidth)}\" y=\"{F(Top + PlotHeight + 16)}\" text-anchor=\"end\">{E(Show.Time(last))} UTC</text>");
            foreach (var line in lines.Where(line => line.Points.Count > 0))
            {
                var path = string.Join(' ', line.Points.Select(p => $"{F(X(p.At))},{F(Y(p.Share))}"));
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"2\" points=\"{path}\"/>");
                foreach (var point in line.Points)
                {
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<circle cx=\"{F(X(point.At))}\" cy=\"{F(Y(point.Share))}\" r=\"3\" fill=\"{line.Colour}\"><title>{E(line.Name)} {E(Show.Time(point.At))}: {point.Share:0.0%} ({E(point.Note)})</title></circle>");
                }
            }
        }

        var legendX = Left;
        var legendY = Top + PlotHeight + AxisHeight + 4;
        foreach (var line in lines)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(legendX)}\" y=\"{F(legendY)}\" width=\"12\" height=\"12\" fill=\"{line.Colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(legendX + 16)}\" y=\"{F(legendY + 10)}\">{E(line.Name)}</text>");
            legendX += 30 + line.Name.Length * 6.5;
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static double Y(double share) => Top + (1 - Math.Clamp(share, 0, 1)) * PlotHeight;

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
