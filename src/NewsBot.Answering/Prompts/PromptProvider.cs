using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsBot.Answering.Prompts;

/// <summary>
/// The one way code reaches a prompt: the YAML templates of prompts/, embedded in this assembly at build time,
/// read as Semantic Kernel prompt configurations and turned into kernel functions.
/// </summary>
public sealed class PromptProvider
{
    private readonly ConcurrentDictionary<string, KernelFunction> _functions = new(StringComparer.Ordinal);

    public KernelFunction Function(string name) => _functions.GetOrAdd(name, n => KernelFunctionFactory.CreateFromPrompt(Config(n)));

    public static PromptTemplateConfig Config(string name)
    {
        var resource = $"prompts/{name}.yaml";
        using var stream = typeof(PromptProvider).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No prompt named '{name}': expected prompts/{name}.yaml.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new InvalidOperationException($"prompts/{name}.yaml is not valid YAML: {ex.Message}", ex);
        }

        // Semantic Kernel reads prompt configurations from JSON with the same field names as its YAML format.
        return PromptTemplateConfig.FromJson(ToJson(yaml.Documents[0].RootNode)!.ToJsonString());
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
