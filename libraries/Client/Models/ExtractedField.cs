using System.Text.Json;

namespace SpecialistPlatform.Client.Models;

/// <summary>A field found in the text at [Start, End). <c>Value</c> is the normalised typed value (ISO date, number,
/// {amount, currency}...); when the text could not be normalised it is null and <c>Problem</c> says why.</summary>
public sealed record ExtractedField(string Name, string Type, string Text, int Start, int End, JsonElement? Value, double Confidence, string? Problem);
