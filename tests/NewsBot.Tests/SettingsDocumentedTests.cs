using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Settings;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>
/// Every setting any options class reads is where people look for it: in appsettings.json with its default, and in
/// the README's configuration table.
/// </summary>
public sealed class SettingsDocumentedTests
{
    [Fact]
    public async Task Every_setting_is_in_appsettings_with_its_default_and_in_the_readme()
    {
        using var data = new TempDirectory();
        await using var bot = new BotHost(data.Path);
        var sections = bot.Services.GetServices<SettingSection>().DistinctBy(s => s.Name).ToArray();
        using var appsettings = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Of("appsettings.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var readme = File.ReadAllLines(RepositoryPaths.Of("README.md"));

        var problems = new List<string>();
        foreach (var section in sections)
        {
            var defaults = Activator.CreateInstance(section.OptionsType)!;
            foreach (var property in Settings(section.OptionsType))
            {
                var key = $"{section.Name}:{property.Name}";
                if (Find(appsettings.RootElement, key) is not { } value)
                {
                    problems.Add($"{key}: not in appsettings.json");
                }
                else if (Scalar(property.GetValue(defaults)) is { } expected && Scalar(value) != expected)
                {
                    problems.Add($"{key}: appsettings.json has {value}, the default is {expected}");
                }

                if (!InReadme(readme, section.Name, property.Name))
                {
                    problems.Add($"{key}: not in the README's configuration table");
                }
            }
        }

        Assert.True(sections.Length >= 10, "the bot registers its settings sections");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task The_shipped_settings_keep_the_local_models_search_instruction()
    {
        // appsettings.json lists Embeddings:QueryPrefix empty, meaning the provider's own; the local model was trained
        // to find passages for a question with its instruction in front, and retrieval is worse without it.
        using var data = new TempDirectory();
        await using var bot = new BotHost(data.Path);

        Assert.Equal(
            NewsBot.Embeddings.Local.ArcticEmbeddingGenerator.QueryPrefix,
            bot.Services.GetRequiredService<NewsBot.Core.Embeddings.EmbeddingProfile>().QueryPrefix);
    }

    // The settable values of an options class; nested option objects are sections of their own.
    private static IEnumerable<PropertyInfo> Settings(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetSetMethod() is not null && (p.PropertyType.IsPrimitive || p.PropertyType.IsEnum
                || p.PropertyType == typeof(string) || p.PropertyType == typeof(double) || p.PropertyType == typeof(decimal)
                || Nullable.GetUnderlyingType(p.PropertyType) is not null || p.PropertyType.IsArray
                || (p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(Dictionary<,>) || g == typeof(IReadOnlyList<>)))));

    private static JsonElement? Find(JsonElement root, string key)
    {
        var element = root;
        foreach (var part in key.Split(':'))
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var match = element.EnumerateObject().FirstOrDefault(p => p.Name.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (match.Value.ValueKind == JsonValueKind.Undefined)
            {
                return null;
            }

            element = match.Value;
        }

        return element;
    }

    private static string? Scalar(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        string s => s,
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    // A row of the table names the key in full, or a key of its section first and this one in the row
    // ("`RateLimits:Enabled` / `PerClientPerMinute`").
    private static bool InReadme(string[] lines, string section, string name) =>
        lines.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Any(l =>
            l.Contains($"`{section}:{name}`", StringComparison.OrdinalIgnoreCase)
            || (l.Split('|')[1].Contains($"`{section}:", StringComparison.OrdinalIgnoreCase) && l.Contains($"`{name}`", StringComparison.OrdinalIgnoreCase)));
}
