using System.Globalization;
using System.Net;
using System.Text;

namespace SpecialistPlatform.Evaluation.Reports;

/// <summary>
/// A small inline-SVG plotting surface: a data rectangle with linear axes, gridlines and ticks. Everything is drawn
/// in SVG user units with a viewBox, so the chart scales with the page and needs no script or external asset.
/// </summary>
internal sealed class SvgChart
{
    private const double Left = 64, Right = 20, Top = 28, Bottom = 52;
    private readonly StringBuilder _body = new();
    private readonly double _width;
    private readonly double _height;
    private readonly (double Min, double Max) _x;
    private readonly (double Min, double Max) _y;
    private readonly string _title;

    public SvgChart(string title, double width, double height, (double Min, double Max) x, (double Min, double Max) y)
    {
        _title = title;
        _width = width;
        _height = height;
        _x = x;
        _y = y;
    }

    public double X(double value) => Left + (value - _x.Min) / (_x.Max - _x.Min) * (_width - Left - Right);

    public double Y(double value) => _height - Bottom - (value - _y.Min) / (_y.Max - _y.Min) * (_height - Top - Bottom);

    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string E(string text) => WebUtility.HtmlEncode(text);

    public SvgChart Axes(string xLabel, string yLabel, Func<double, string> xTick, Func<double, string> yTick, int ticks = 5)
    {
        for (var i = 0; i <= ticks; i++)
        {
            var xv = _x.Min + i * (_x.Max - _x.Min) / ticks;
            var yv = _y.Min + i * (_y.Max - _y.Min) / ticks;
            _body.Append($"<line class=\"grid\" x1=\"{F(X(xv))}\" y1=\"{F(Y(_y.Min))}\" x2=\"{F(X(xv))}\" y2=\"{F(Y(_y.Max))}\"/>");
            _body.Append($"<line class=\"grid\" x1=\"{F(X(_x.Min))}\" y1=\"{F(Y(yv))}\" x2=\"{F(X(_x.Max))}\" y2=\"{F(Y(yv))}\"/>");
            _body.Append($"<text class=\"tick\" x=\"{F(X(xv))}\" y=\"{F(Y(_y.Min) + 16)}\" text-anchor=\"middle\">{E(xTick(xv))}</text>");
            _body.Append($"<text class=\"tick\" x=\"{F(X(_x.Min) - 6)}\" y=\"{F(Y(yv) + 4)}\" text-anchor=\"end\">{E(yTick(yv))}</text>");
        }

        _body.Append($"<rect class=\"frame\" x=\"{F(X(_x.Min))}\" y=\"{F(Y(_y.Max))}\" width=\"{F(X(_x.Max) - X(_x.Min))}\" height=\"{F(Y(_y.Min) - Y(_y.Max))}\"/>");
        _body.Append($"<text class=\"axis\" x=\"{F((X(_x.Min) + X(_x.Max)) / 2)}\" y=\"{F(_height - 10)}\" text-anchor=\"middle\">{E(xLabel)}</text>");
        _body.Append($"<text class=\"axis\" transform=\"translate(14 {F((Y(_y.Min) + Y(_y.Max)) / 2)}) rotate(-90)\" text-anchor=\"middle\">{E(yLabel)}</text>");
        return this;
    }

    public SvgChart Raw(string svg)
    {
        _body.Append(svg);
        return this;
    }

    public SvgChart Line(IEnumerable<(double X, double Y)> points, string cssClass) =>
        Raw($"<polyline class=\"{cssClass}\" points=\"{string.Join(' ', points.Select(p => F(X(p.X)) + "," + F(Y(p.Y))))}\"/>");

    public SvgChart Marker(double x, double y, string shape, string cssClass, string tooltip)
    {
        var (cx, cy) = (X(x), Y(y));
        var title = $"<title>{E(tooltip)}</title>";
        return Raw(shape switch
        {
            "square" => $"<rect class=\"{cssClass}\" x=\"{F(cx - 6)}\" y=\"{F(cy - 6)}\" width=\"12\" height=\"12\">{title}</rect>",
            "diamond" => $"<polygon class=\"{cssClass}\" points=\"{F(cx)},{F(cy - 9)} {F(cx + 9)},{F(cy)} {F(cx)},{F(cy + 9)} {F(cx - 9)},{F(cy)}\">{title}</polygon>",
            _ => $"<circle class=\"{cssClass}\" cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"6\">{title}</circle>",
        });
    }

    public SvgChart Label(double x, double y, string text, string anchor = "start", double dx = 0, double dy = 0) =>
        Raw($"<text class=\"label\" x=\"{F(X(x) + dx)}\" y=\"{F(Y(y) + dy)}\" text-anchor=\"{anchor}\">{E(text)}</text>");

    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(_width)} {F(_height)}\" role=\"img\" aria-label=\"{E(_title)}\">"
        + $"<title>{E(_title)}</title>{_body}</svg>";
}
