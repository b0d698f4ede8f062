using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace NewsBot.Core.Settings;

/// <summary>
/// Reads settings the way the configuration binder will, before it does: a value that cannot become its property's
/// type is reported with its key as configured and what it accepts, instead of the binder's exception; a key that
/// names no setting can be found before it is silently ignored.
/// </summary>
public static class SettingValues
{
    /// <summary>Throws <see cref="NewsBotConfigurationException"/> for the first value under the section that cannot be bound.</summary>
    public static void Check(IConfigurationSection section, Type optionsType)
    {
        foreach (var child in section.GetChildren())
        {
            if (PropertyOf(optionsType, child.Key) is { } property)
            {
                CheckValue(child, property.PropertyType);
            }
        }
    }

    /// <summary>The section bound to <typeparamref name="T"/>, its values checked first (for choices made while services are registered).</summary>
    public static T GetChecked<T>(this IConfiguration configuration, string section)
        where T : class, new()
    {
        Check(configuration.GetSection(section), typeof(T));
        return configuration.GetSection(section).Get<T>() ?? new T();
    }

    /// <summary>Null when the key names a setting of one of the sections (or logging); otherwise why not, in one line.</summary>
    public static string? Unknown(string key, IEnumerable<SettingSection> sections)
    {
        var parts = key.Split(':', StringSplitOptions.TrimEntries);
        if (parts[0].Equals("Logging", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var known = sections.ToArray();
        var section = known
            .Where(s => key.StartsWith(s.Name + ":", StringComparison.OrdinalIgnoreCase))
            .MaxBy(s => s.Name.Length);
        if (section is null)
        {
            return $"'{key}' is not a setting: the sections are {string.Join(", ", known.Select(s => s.Name).Distinct().Order(StringComparer.Ordinal))} (and Logging).";
        }

        var type = section.OptionsType;
        foreach (var part in parts.Skip(section.Name.Count(c => c == ':') + 1))
        {
            if (ElementType(type) is { } element && (int.TryParse(part, out _) || IsDictionary(type)))
            {
                type = element;
            }
            else if (PropertyOf(type, part) is { } property)
            {
                type = property.PropertyType;
            }
            else
            {
                var names = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
                return $"'{key}' is not a setting: {section.Name} has {string.Join(", ", names)}.";
            }
        }

        return null;
    }

    /// <summary>What a value of the type looks like, for messages: "a whole number", "one of Embedded, Qdrant".</summary>
    public static string Expectation(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(uint) || type == typeof(ulong) => "a whole number",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number (e.g. 0.5)",
            _ when type == typeof(TimeSpan) => "a duration such as 00:05:00",
            _ when type == typeof(Uri) => "an absolute address",
            _ => "a valid " + type.Name,
        };
    }

    private static void CheckValue(IConfigurationSection section, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
        {
            if (!string.IsNullOrEmpty(section.Value) && !Converts(section.Value, type))
            {
                throw new NewsBotConfigurationException($"{section.Path} = '{section.Value}' is not {Expectation(type)}.");
            }

            return;
        }

        if (ElementType(type) is { } element)
        {
            foreach (var item in section.GetChildren())
            {
                CheckValue(item, element);
            }

            return;
        }

        if (type.IsClass)
        {
            Check(section, type);
        }
    }

    private static bool Converts(string value, Type type)
    {
        try
        {
            return TypeDescriptor.GetConverter(type).ConvertFromString(null, CultureInfo.InvariantCulture, value) is not null || !type.IsValueType;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException || ex.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (IsDictionary(type))
        {
            return type.GetGenericArguments()[1];
        }

        return typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0] : null;
    }

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    private static PropertyInfo? PropertyOf(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
}
