using System.Globalization;
using System.Text;
using System.Text.Json;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Evaluation.ShadowWindows;
using SpecialistPlatform.MachineLearning.Cascade;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Evaluation.Reports.SvgChart;

namespace SpecialistPlatform.Evaluation.Reports;

/// <summary>
/// Renders a stored evaluation run as one self-contained HTML page: inline CSS and inline SVG charts, no script and
/// no external asset, so it can be mailed, archived or served as is (the gateway can call this too).
/// </summary>
public static class EvaluationReport
{
    public const string AssumedBannerId = "frontier-assumed";
    public const string FrontierReferenceBannerId = "frontier-reference";
    public const string ModerationTask = "moderation";

    public static string Render(EvaluationRun run)
    {
        var metrics = Metrics(run.MetricsJson);
        var sweep = ReportJson.Deserialize<List<SweepPoint>>(run.SweepJson, []);
        var reliability = ReportJson.Deserialize<List<ReliabilityBin>>(run.ReliabilityJson, []);
        var confusions = ReportJson.Deserialize<List<ConfusedPair>>(run.ConfusionsJson, []);
        // A moderation run's sweep is per category (threshold, precision, recall, flagged negatives), not a cascade's.
        var isModeration = run.Task == ModerationTask;
        var isCalibration = sweep.Count > 0 && !isModeration;
        var isShadow = run.Kind == ShadowWindowSummary.RunKind;

        var html = new StringBuilder();
        var title = isShadow ? "Shadow evaluation against the frontier" : isCalibration ? "Cascade calibration" : "Model evaluation";
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{E(title)}: {E(run.Task)} {E(run.ModelName ?? "")} {E(run.ModelVersion)}</title>")
            .Append("<style>").Append(Css).Append("</style></head><body><main>");

        html.Append($"<h1>{E(title)}</h1><p class=\"meta\">{E(run.Task)} model {E(run.ModelName is null ? "" : run.ModelName + " ")}version <code>{E(run.ModelVersion)}</code>"
                    + $" &middot; run <code>{E(run.Id.ToString())}</code> ({E(run.Kind)}) &middot; {E(run.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}<br>"
                    + $"{run.DatasetRows.ToString(CultureInfo.InvariantCulture)} labelled examples from {E(run.DatasetSource ?? "(unnamed data)")}, SHA-256 <code>{E(Short(run.DatasetSha256))}</code>"
                    + $" &middot; model SHA-256 <code>{E(Short(run.ModelSha256))}</code></p>");

        if (isShadow)
        {
            html.Append($"<div class=\"banner reference\" id=\"{FrontierReferenceBannerId}\"><strong>The frontier model is the reference here.</strong> "
                        + $"These are live jobs of tenant <code>{E(run.TenantId ?? "")}</code> with no human labels: every accuracy on this page is agreement with the frontier's answer, "
                        + "and the frontier's own accuracy is 100% by definition. Measure the frontier itself with <code>specialist calibrate --frontier-predictions</code> on labelled data.</div>");
        }

        if (run.FrontierAccuracyAssumed)
        {
            var assumed = metrics.TryGetValue("frontier_accuracy", out var fa) && fa is double f ? Pct(f) : "an assumed figure";
            html.Append($"<div class=\"banner\" id=\"{AssumedBannerId}\" role=\"alert\"><strong>Frontier accuracy assumed, not measured.</strong> "
                        + $"Every combined accuracy below uses {E(assumed)} for the frontier model, with its errors taken as independent of the specialist's confidence. "
                        + "Real frontier errors tend to fall on the same hard texts, so treat the cascade's accuracy as optimistic until it is measured with <code>--frontier-predictions</code>.</div>");
        }

        html.Append("<section class=\"cards\">");
        if (isShadow)
        {
            var chosen = metrics.GetValueOrDefault("chosen_threshold") as double?;
            html.Append(Card("Agreement", Opt(metrics, "agreement"), $"{Count(metrics, "judged")} jobs answered by both, {Count(metrics, "unanswered")} unanswered by the frontier"));
            html.Append(Card("Escalate below", chosen is { } t ? t.ToString("0.0000", CultureInfo.InvariantCulture) : "not registered", "the version's registered threshold"));
            html.Append(Card("Escalation rate", Opt(metrics, "chosen_escalation_rate"), "at that threshold, in this window"));
            html.Append(Card("Cascade agreement", Opt(metrics, "chosen_combined_accuracy"), $"router on kept jobs: {Opt(metrics, "chosen_kept_accuracy")}"));
            html.Append(Card("Frontier spend", Money(metrics.GetValueOrDefault("frontier_cost_total") as double? ?? 0), "on this window's shadow calls"));
            if (run.FrontierCostPer1k is { } perJob)
            {
                html.Append(Card("Cost per 1k jobs", run.CascadeCostPer1k is { } c ? Money(c) : "-", $"cascade; frontier only {Money(perJob)}; router only {Money(run.SpecialistCostPer1k ?? 0)}"));
            }
        }
        else if (isCalibration)
        {
            var chosen = metrics.GetValueOrDefault("chosen_threshold") as double?;
            html.Append(Card("Escalate below", chosen is { } t ? t.ToString("0.0000", CultureInfo.InvariantCulture) : "none met the goal", metrics.GetValueOrDefault("goal") as string ?? ""));
            html.Append(Card("Escalation rate", Opt(metrics, "chosen_escalation_rate"), "of jobs go to the frontier model"));
            html.Append(Card("Cascade accuracy", Opt(metrics, "chosen_combined_accuracy"), $"specialist on kept jobs: {Opt(metrics, "chosen_kept_accuracy")}"));
            html.Append(Card("Specialist alone", Opt(metrics, "specialist_accuracy"), $"macro-F1 {Opt(metrics, "macro_f1")}"));
            html.Append(Card("Frontier alone", Opt(metrics, "frontier_accuracy"), run.FrontierAccuracyAssumed ? "ASSUMED" : "measured"));
            if (run.CascadeCostPer1k is { } cascade && run.FrontierCostPer1k is { } frontier && frontier > 0)
            {
                html.Append(Card("Cost per 1k jobs", Money(cascade), $"{Pct(1 - cascade / frontier)} below frontier only ({Money(frontier)})"));
            }
        }
        else if (isModeration)
        {
            html.Append(Card("Hate macro-F1", Opt(metrics, "tweeteval_hate_hate_macro_f1"), "TweetEval hate validation; target 0.60"));
            html.Append(Card("Offensive macro-F1", Opt(metrics, "tweeteval_offensive_offensive_macro_f1"), "TweetEval offensive validation; target 0.82"));
            html.Append(Card("Any-harm AUPRC", Opt(metrics, "handwritten_eval_any_harm_auprc"), "hand-written evaluation set; target 0.85"));
            html.Append(Card("Jailbreak recall", Opt(metrics, "jailbreak_jailbreak_recall"), $"benign prompts flagged {Opt(metrics, "jailbreak_benign_flagged")}"));
            html.Append(Card("Injected-content recall", Opt(metrics, "bipia_injection_recall"), $"clean contexts flagged {Opt(metrics, "bipia_injection_false_positive_rate")}"));
            html.Append(Card("Over-defense", Opt(metrics, "over_defense_benign_flagged"), "benign prompts with trigger words flagged"));
        }
        else if (run.Task == "pii")
        {
            html.Append(Card("F2", Opt(metrics, "f2"), "type-agnostic, span IoU >= " + (metrics.GetValueOrDefault("iou") is double iou ? iou.ToString("0.00", CultureInfo.InvariantCulture) : "0.50")));
            html.Append(Card("Precision", Opt(metrics, "precision"), "type-agnostic"));
            html.Append(Card("Recall", Opt(metrics, "recall"), "type-agnostic"));
            html.Append(Card("F1", Opt(metrics, "f1"), $"supported types only: F2 {Opt(metrics, "supported_f2")}"));
        }
        else if (run.Task == "extract")
        {
            html.Append(Card("Span F1", Opt(metrics, "span_f1"), $"exact spans: precision {Opt(metrics, "span_precision")}, recall {Opt(metrics, "span_recall")}"));
            html.Append(Card("Utterances right", Opt(metrics, "specialist_accuracy"), "every span exact (slot, start, end)"));
            html.Append(Card("Overlap F1", Opt(metrics, "overlap_f1"), "lenient: same slot, overlapping span"));
            if (metrics.GetValueOrDefault("value_accuracy") is double)
            {
                html.Append(Card("Value accuracy", Opt(metrics, "value_accuracy"), "gold values the normaliser reproduces"));
            }
        }
        else
        {
            html.Append(Card("Accuracy", Opt(metrics, "accuracy"), $"top label: {Opt(metrics, "accuracy_argmax")}"));
            html.Append(Card("Macro-F1", Opt(metrics, "macro_f1"), ""));
            if (metrics.ContainsKey("oos_recall") && metrics["oos_recall"] is double)
            {
                html.Append(Card("Out-of-scope recall", Opt(metrics, "oos_recall"), $"in-scope accuracy {Opt(metrics, "in_scope_accuracy")}"));
            }
            html.Append(Card("Calibration error", metrics.GetValueOrDefault("ece") is double ece ? ece.ToString("0.0000", CultureInfo.InvariantCulture) : "-", "ECE, 15 bins"));
        }
        if (run.LatencyP50Ms is { } p50)
        {
            html.Append(Card(isShadow ? "Frontier latency p50" : "Latency p50", $"{p50.ToString("0.000", CultureInfo.InvariantCulture)} ms",
                $"p95 {run.LatencyP95Ms?.ToString("0.000", CultureInfo.InvariantCulture)} ms, p99 {run.LatencyP99Ms?.ToString("0.000", CultureInfo.InvariantCulture)} ms"
                + (isShadow ? " (one call, validation retries included)" : " (one text, one thread)")));
        }
        html.Append("</section>");

        if (isCalibration)
        {
            html.Append("<section><h2>Threshold sweep</h2><p>Each point is one escalation threshold: texts below it (and texts judged out of scope) go to the frontier model.</p>")
                .Append("<figure class=\"chart\" id=\"sweep-chart\">").Append(SweepChart(sweep, metrics, run.FrontierAccuracyAssumed)).Append("</figure>")
                .Append(SweepTable(sweep, metrics.GetValueOrDefault("chosen_threshold") as double?)).Append("</section>");
            if (run.SpecialistCostPer1k is { } s && run.FrontierCostPer1k is { } fr)
            {
                html.Append("<section><h2>Cost per 1,000 jobs</h2><figure class=\"chart small\" id=\"cost-chart\">")
                    .Append(CostChart(s, fr, run.CascadeCostPer1k)).Append("</figure></section>");
            }
        }

        if (reliability.Count > 0)
        {
            // A span tagger's confidence in an utterance is its least confident span; a router's, its top label's.
            var (what, confidence) = run.Task == "extract"
                ? ("every span of the utterance is exact", "confidence of the least confident span")
                : isModeration ? ("a text belongs to a category (every category of every validation text)", "the category's probability")
                : (isShadow ? "the router agrees with the frontier" : "the top label is right", "confidence of the top label");
            html.Append($"<section><h2>Reliability</h2><p>How often {E(what)} against how sure the model is (equal-width bins; "
                        + "bars on the diagonal are perfectly calibrated; bar shade follows the number of texts).</p>")
                .Append("<figure class=\"chart\" id=\"reliability-chart\">").Append(ReliabilityChart(reliability, confidence)).Append("</figure></section>");
        }

        if (isModeration)
        {
            html.Append("<section><h2>Threshold sweep</h2><p>Per category on its validation texts: what each threshold would flag (the model's own threshold is among them).</p>")
                .Append(GenericTable(run.SweepJson)).Append("</section>");
        }

        html.Append("<section><h2>Most confused pairs</h2>");
        html.Append(confusions.Count == 0
            ? "<p>No errors.</p>"
            : "<table><thead><tr><th>gold</th><th>predicted</th><th class=\"num\">count</th></tr></thead><tbody>"
              + string.Concat(confusions.Select(c => $"<tr><td>{E(c.Gold)}</td><td>{E(c.Predicted)}</td><td class=\"num\">{c.Count}</td></tr>"))
              + "</tbody></table>");
        html.Append("</section>");

        html.Append("<section><h2>Per class</h2>").Append(isShadow ? "<p>By the frontier's label, the reference.</p>" : isCalibration ? "<p>At the chosen threshold, most escalated first.</p>" : "<p>Weakest first.</p>")
            .Append(GenericTable(run.PerClassJson)).Append("</section>");

        if (!string.IsNullOrWhiteSpace(run.Notes))
        {
            html.Append($"<section><h2>Notes</h2><p>{E(run.Notes)}</p></section>");
        }

        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static string SweepChart(IReadOnlyList<SweepPoint> sweep, IReadOnlyDictionary<string, object?> metrics, bool assumed)
    {
        var specialist = metrics.GetValueOrDefault("specialist_accuracy") as double? ?? sweep[0].CombinedAccuracy;
        var frontier = metrics.GetValueOrDefault("frontier_accuracy") as double? ?? sweep[^1].CombinedAccuracy;
        var target = metrics.GetValueOrDefault("target_accuracy") as double?;
        var maxRate = metrics.GetValueOrDefault("max_escalation_rate") as double?;
        var values = sweep.Select(p => p.CombinedAccuracy).Append(specialist).Append(frontier).Concat(target is { } tv ? [tv] : []).ToArray();
        var low = Math.Max(0, Math.Floor((values.Min() - 0.02) * 20) / 20);
        var high = Math.Min(1, Math.Ceiling((values.Max() + 0.01) * 20) / 20);
        var chart = new SvgChart("Combined accuracy against escalation rate", 720, 400, (0, 1), (low, high))
            .Axes("share of jobs escalated to the frontier model", "combined accuracy", v => Pct(v, 0), v => Pct(v, 0));
        if (target is { } t)
        {
            chart.Raw($"<line class=\"target\" x1=\"{F(chart.X(0))}\" y1=\"{F(chart.Y(t))}\" x2=\"{F(chart.X(1))}\" y2=\"{F(chart.Y(t))}\"/>")
                .Label(1, t, $"target {Pct(t)}", "end", -4, -5);
        }
        if (maxRate is { } m)
        {
            chart.Raw($"<line class=\"target\" x1=\"{F(chart.X(m))}\" y1=\"{F(chart.Y(low))}\" x2=\"{F(chart.X(m))}\" y2=\"{F(chart.Y(high))}\"/>")
                .Label(m, high, $"max {Pct(m)} escalated", "start", 4, 14);
        }

        chart.Line(sweep.Select(p => (p.EscalationRate, p.CombinedAccuracy)), "curve");
        chart.Marker(0, specialist, "circle", "specialist", $"specialist only: {Pct(specialist)}").Label(0, specialist, "specialist only", "start", 10, 16);
        chart.Marker(1, frontier, "square", "frontier", $"frontier only: {Pct(frontier)}{(assumed ? " (assumed)" : "")}")
            .Label(1, frontier, assumed ? "frontier only (assumed)" : "frontier only", "end", -10, 18);
        if (metrics.GetValueOrDefault("chosen_escalation_rate") is double rate && metrics.GetValueOrDefault("chosen_combined_accuracy") is double accuracy)
        {
            chart.Marker(rate, accuracy, "diamond", "chosen", $"chosen: {Pct(accuracy)} at {Pct(rate)} escalated")
                .Label(rate, accuracy, $"chosen: {Pct(accuracy)} at {Pct(rate)} escalated", rate > 0.6 ? "end" : "start", rate > 0.6 ? -12 : 12, -10);
        }
        return chart.ToString();
    }

    private static string ReliabilityChart(IReadOnlyList<ReliabilityBin> bins, string confidence)
    {
        var chart = new SvgChart("Reliability diagram: accuracy against confidence", 720, 400, (0, 1), (0, 1))
            .Axes(confidence, "share correct", v => v.ToString("0.0", CultureInfo.InvariantCulture), v => Pct(v, 0));
        var most = Math.Max(1, bins.Max(b => b.Count));
        foreach (var b in bins.Where(b => b.Count > 0))
        {
            var opacity = 0.25 + 0.75 * b.Count / most;
            chart.Raw($"<rect class=\"bin\" x=\"{F(chart.X(b.Lower) + 1)}\" y=\"{F(chart.Y(b.Accuracy))}\" width=\"{F(chart.X(b.Upper) - chart.X(b.Lower) - 2)}\" "
                      + $"height=\"{F(chart.Y(0) - chart.Y(b.Accuracy))}\" fill-opacity=\"{F(opacity)}\"><title>{E($"{b.Lower:0.00}-{b.Upper:0.00}: {b.Count} texts, mean confidence {b.MeanConfidence:0.000}, accuracy {b.Accuracy:0.000}")}</title></rect>");
        }
        chart.Raw($"<line class=\"diagonal\" x1=\"{F(chart.X(0))}\" y1=\"{F(chart.Y(0))}\" x2=\"{F(chart.X(1))}\" y2=\"{F(chart.Y(1))}\"/>");
        foreach (var b in bins.Where(b => b.Count > 0))
        {
            chart.Marker(b.MeanConfidence, b.Accuracy, "circle", "mean", $"{b.Count} texts");
            chart.Label((b.Lower + b.Upper) / 2, 0, b.Count.ToString(CultureInfo.InvariantCulture), "middle", 0, -4);
        }
        return chart.ToString();
    }

    private static string CostChart(double specialist, double frontier, double? cascade)
    {
        var bars = new List<(string Name, double Value, string Css)> { ("specialist only", specialist, "specialist"), ("frontier only", frontier, "frontier") };
        if (cascade is { } c)
        {
            bars.Add(("cascade (chosen)", c, "chosen"));
        }
        var max = Math.Max(1e-9, bars.Max(b => b.Value)) * 1.15;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 {40 + bars.Count * 44}\" role=\"img\" aria-label=\"Cost per 1,000 jobs\"><title>Cost per 1,000 jobs</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = 20 + i * 44;
            var width = bars[i].Value / max * 520;
            svg.Append($"<text class=\"label\" x=\"150\" y=\"{y + 21}\" text-anchor=\"end\">{E(bars[i].Name)}</text>")
               .Append($"<rect class=\"{bars[i].Css}\" x=\"160\" y=\"{y}\" width=\"{F(Math.Max(width, 1))}\" height=\"30\"/>")
               .Append($"<text class=\"label\" x=\"{F(166 + width)}\" y=\"{y + 21}\">{E(Money(bars[i].Value))}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string SweepTable(IReadOnlyList<SweepPoint> sweep, double? chosenThreshold)
    {
        var chosen = chosenThreshold is { } t ? sweep.FirstOrDefault(p => p.Threshold == t) : null;
        var rows = CascadeCalibrator.Compact(sweep, 15, chosen);
        var html = new StringBuilder($"<table><caption>{rows.Count} of {sweep.Count} thresholds</caption><thead><tr><th class=\"num\">escalate below</th><th class=\"num\">escalated</th>"
                                     + "<th class=\"num\">specialist acc. (kept)</th><th class=\"num\">combined acc.</th><th class=\"num\">cost / 1k jobs</th></tr></thead><tbody>");
        foreach (var p in rows)
        {
            html.Append(ReferenceEquals(p, chosen) ? "<tr class=\"chosen-row\">" : "<tr>")
                .Append($"<td class=\"num\">{p.Threshold.ToString("0.0000", CultureInfo.InvariantCulture)}</td><td class=\"num\">{Pct(p.EscalationRate)}</td>")
                .Append($"<td class=\"num\">{(p.KeptAccuracy is { } k ? Pct(k) : "-")}</td><td class=\"num\">{Pct(p.CombinedAccuracy)}</td><td class=\"num\">{Money(p.CostPer1k)}</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Any JSON array of flat objects as a table: counts as whole numbers, thresholds as numbers, other numbers as percentages.</summary>
    private static string GenericTable(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        var rows = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).ToArray() : [];
        if (rows.Length == 0)
        {
            return "<p>None recorded.</p>";
        }

        // jsonb stores keys in its own order, so known columns are put back in reading order.
        var columns = rows[0].EnumerateObject().Select(p => p.Name)
            .OrderBy(c => Array.IndexOf(ColumnOrder, c) is var i && i >= 0 ? i : ColumnOrder.Length).ThenBy(c => c, StringComparer.Ordinal).ToArray();
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var column in columns)
        {
            html.Append($"<th>{E(ColumnNames.GetValueOrDefault(column) ?? Words(column))}</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var column in columns)
            {
                var value = row.TryGetProperty(column, out var v) ? v : default;
                html.Append(value.ValueKind switch
                {
                    JsonValueKind.Number when value.TryGetInt64(out var whole) && column is "count" or "n" or "positives" or "negatives" or "flagged" => $"<td class=\"num\">{whole}</td>",
                    JsonValueKind.Number when column is "threshold" => $"<td class=\"num\">{value.GetDouble().ToString("0.000", CultureInfo.InvariantCulture)}</td>",
                    JsonValueKind.Number => $"<td class=\"num\">{Pct(value.GetDouble())}</td>",
                    JsonValueKind.String => $"<td>{E(value.GetString()!)}</td>",
                    JsonValueKind.Null or JsonValueKind.Undefined => "<td class=\"num\">-</td>",
                    _ => $"<td>{E(value.GetRawText())}</td>",
                });
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static readonly string[] ColumnOrder =
        ["set", "category", "label", "count", "positives", "negatives", "threshold", "flagged", "escalationRate", "keptAccuracy", "specialistAccuracy", "combinedAccuracy", "accuracy",
         "auprc", "precision", "recall", "falsePositiveRate", "f1", "macroF1", "ece"];

    private static readonly Dictionary<string, string> ColumnNames = new()
    {
        ["label"] = "gold label",
        ["count"] = "n",
        ["escalationRate"] = "escalated",
        ["keptAccuracy"] = "specialist acc. (kept)",
        ["specialistAccuracy"] = "specialist acc. (all)",
        ["combinedAccuracy"] = "combined acc.",
        ["accuracy"] = "accuracy (recall)",
        ["f1"] = "F1",
    };

    private static Dictionary<string, object?> Metrics(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Number => (object?)p.Value.GetDouble(),
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        });
    }

    private static string Card(string title, string value, string detail) =>
        $"<div class=\"card\"><div class=\"card-title\">{E(title)}</div><div class=\"card-value\">{E(value)}</div><div class=\"card-detail\">{E(detail)}</div></div>";

    private static string Count(IReadOnlyDictionary<string, object?> metrics, string key) =>
        metrics.GetValueOrDefault(key) is double d ? d.ToString("0", CultureInfo.InvariantCulture) : "-";

    private static string Opt(IReadOnlyDictionary<string, object?> metrics, string key) => metrics.GetValueOrDefault(key) is double d ? Pct(d) : "-";

    private static string Pct(double value, int decimals = 2) =>
        (value * 100).ToString(decimals == 0 ? "0" : "0.00", CultureInfo.InvariantCulture) + "%";

    private static string Money(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Short(string sha) => sha.Length > 16 ? sha[..16] + "…" : sha;

    private static string Words(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private const string Css = """
        :root{--ink:#1d2430;--muted:#5b6575;--line:#d9dee6;--accent:#2463eb;--frontier:#c2410c;--specialist:#15803d;--chosen:#7c3aed}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f6f7f9}
        main{max-width:1000px;margin:0 auto;padding:24px}
        h1{margin:0 0 4px;font-size:26px}h2{font-size:19px;margin:28px 0 8px}
        .meta{color:var(--muted);margin:0 0 16px}code{font-size:13px}
        .banner{background:#fff4e5;border:2px solid #d97706;border-radius:8px;padding:12px 16px;margin:12px 0 18px}
        .banner.reference{background:#eef4ff;border-color:#2463eb}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px}
        .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
        .card-title{color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.04em}
        .card-value{font-size:24px;font-weight:600}.card-detail{color:var(--muted);font-size:13px}
        section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:4px 18px 16px;margin-top:16px}
        section.cards{background:none;border:0;padding:0}
        figure.chart{margin:8px 0}figure.chart svg{width:100%;height:auto}
        table{border-collapse:collapse;width:100%;font-size:14px;margin-top:8px}caption{text-align:left;color:var(--muted)}
        th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left}th{background:#f0f2f5}
        .num{text-align:right;font-variant-numeric:tabular-nums}tr.chosen-row td{background:#efe7ff;font-weight:600}
        svg text{font-family:inherit}.tick{font-size:11px;fill:var(--muted)}.axis{font-size:13px;fill:var(--ink)}.label{font-size:12px;fill:var(--ink)}
        .grid{stroke:#eceff3;stroke-width:1}.frame{fill:none;stroke:#9aa4b2}
        .curve{fill:none;stroke:var(--accent);stroke-width:2.5}.target{stroke:#6b7280;stroke-dasharray:6 4;stroke-width:1.5}
        .diagonal{stroke:#6b7280;stroke-dasharray:4 4;stroke-width:1.5}
        circle.specialist,rect.specialist{fill:var(--specialist)}rect.frontier{fill:var(--frontier)}
        polygon.chosen,rect.chosen{fill:var(--chosen)}.bin{fill:var(--accent)}circle.mean{fill:#111827;r:3}
        """;
}
