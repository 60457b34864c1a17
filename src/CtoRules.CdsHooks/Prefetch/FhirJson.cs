using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CtoRules.CdsHooks.Prefetch;

/// <summary>Parses FHIR R4 JSON with the Firely SDK; problems come back as text, not exceptions.</summary>
public static class FhirJson
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    /// <summary>The resource, or null with the reason. A resource with element errors is kept with a warning.</summary>
    public static Resource? Parse(string json, out string? problem)
    {
        problem = null;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            if (Deserializer.TryDeserializeResource(ref reader, out var resource, out var issues)) return resource;
            var text = string.Join("; ", issues.Take(3).Select(i => i.Message));
            if (resource is null) { problem = text; return null; }
            problem = "read with problems: " + text;
            return resource;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            problem = e.Message;
            return null;
        }
    }
}
