using System.Text.RegularExpressions;

namespace NewsBot.Answering.Extractive;

/// <summary>
/// Recognises text that talks to an AI rather than reporting news ("ignore your instructions and ..."). Articles are
/// data: such sentences are never quoted as an answer.
/// </summary>
internal static partial class InstructionFilter
{
    public static bool LooksLikeInstruction(string sentence) => Pattern().IsMatch(sentence);

    [GeneratedRegex(@"\b(ignore|disregard|forget|override)\b[^.]{0,40}\b(instructions?|prompts?|rules|guidelines)\b|\byou are now\b|\bsystem prompt\b|\b(chat ?bot|assistant|AI|language model)s?,? (must|should|will) (now )?(say|reply|answer|respond)", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
