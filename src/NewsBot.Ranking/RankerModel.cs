using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using NewsBot.Core.Search;

namespace NewsBot.Ranking;

/// <summary>
/// A trained ranking model: the LambdaMART trees (ML.NET's zip) and beside them a description (<c>.json</c>) with the
/// features it was trained on, the article diversity chosen with it and the figures it was measured at. A model is
/// used only with the feature list it names.
/// </summary>
public sealed record RankerModel
{
    internal RankerModel(ITransformer transformer, DataViewSchema input, RankerDescription description)
    {
        Transformer = transformer;
        Input = input;
        Description = description;
        Trees = TreeScorer.Of(transformer);
    }

    internal ITransformer Transformer { get; }

    /// <summary>The model's trees, as the search scores candidates with them.</summary>
    internal TreeScorer Trees { get; }

    private DataViewSchema Input { get; }

    public RankerDescription Description { get; init; }

    /// <summary>The description's path for a model's path: <c>ranker.zip</c> → <c>ranker.json</c>.</summary>
    public static string DescriptionPath(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    /// <summary>Reads a model; null with the reason when it is missing, damaged or made for other features.</summary>
    public static RankerModel? Load(MLContext ml, string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path) || !File.Exists(DescriptionPath(path)))
        {
            problem = $"{path}: no ranking model (with its description {Path.GetFileName(DescriptionPath(path))})";
            return null;
        }

        try
        {
            var description = JsonSerializer.Deserialize<RankerDescription>(File.ReadAllText(DescriptionPath(path)), Json)
                ?? throw new InvalidDataException("empty description");
            if (!description.Features.SequenceEqual(RankingFeatures.Names))
            {
                problem = $"{path}: trained on other features ({string.Join(", ", description.Features)}); retrain it with `newsbot eval ranker`";
                return null;
            }

            using var stream = File.OpenRead(path);
            var transformer = ml.Model.Load(stream, out var input);
            return new RankerModel(transformer, input, description);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            problem = $"{path}: not a ranking model NewsBot can read ({e.Message})";
            return null;
        }
    }

    /// <summary>Writes the model and its description, each under a temporary name first, so a failed write keeps the old ones.</summary>
    public void Save(MLContext ml, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            ml.Model.Save(Transformer, Input, stream);
        }

        var description = DescriptionPath(path);
        File.WriteAllText(description + ".tmp", JsonSerializer.Serialize(Description, Json));
        File.Move(temporary, path, overwrite: true);
        File.Move(description + ".tmp", description, overwrite: true);
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>What a model file says of itself.</summary>
public sealed record RankerDescription(
    IReadOnlyList<string> Features,
    double Diversity,
    double PartDiversity,
    string TrainedOn,
    int Questions,
    IReadOnlyDictionary<string, double>? CrossValidated = null,
    double NeighbourDiversity = 0)
{
    /// <summary>What each passage placed costs those below it (<see cref="LearnedRanker.Order"/>).</summary>
    [JsonIgnore]
    public Spread Spread => new(Diversity, PartDiversity, NeighbourDiversity);
}
