namespace NewsBot.Core.Settings;

/// <summary>A configuration section and the options class it binds to, as registered; the CLI checks <c>--set</c> keys against these.</summary>
public sealed record SettingSection(string Name, Type OptionsType);
