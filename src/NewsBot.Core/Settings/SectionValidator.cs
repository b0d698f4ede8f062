using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace NewsBot.Core.Settings;

/// <summary>
/// Data annotations (and <see cref="IValidatableObject"/>) checked with each failure naming its key as configured:
/// "Chunking:MaxWords must be between 40 and 2000 (set to 5).", not the options class's member.
/// </summary>
public sealed class SectionValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = Failures(options).ToArray();
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public IEnumerable<string> Failures(T options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault();
            var message = result.ErrorMessage ?? "is not valid.";
            var prefix = $"The field {member} ";
            if (member is not null && message.StartsWith(prefix, StringComparison.Ordinal))
            {
                var value = typeof(T).GetProperty(member)?.GetValue(options);
                yield return $"{section}:{member} {message[prefix.Length..].TrimEnd('.')} (set to {Convert.ToString(value, CultureInfo.InvariantCulture)}).";
            }
            else if (member is not null && message.StartsWith($"The {member} field ", StringComparison.Ordinal))
            {
                yield return $"{section}:{member} {message[$"The {member} field ".Length..]}";
            }
            else
            {
                yield return message;
            }
        }
    }
}
