using Microsoft.ML;
using Microsoft.ML.Data;
using NewsBot.Core.Search;

namespace NewsBot.Ranking;

/// <summary>One candidate passage as the ranking model reads it: its question (group), relevance label and features.</summary>
internal sealed class RankerRow
{
    /// <summary>How many gold facts the passage holds (0 = not relevant), for training; 0 when serving.</summary>
    public float Label { get; set; }

    [KeyType(uint.MaxValue - 1)]
    public uint Group { get; set; }

    public float[] Features { get; set; } = [];

    /// <summary>The model's score, written by the model.</summary>
    internal sealed class Scored
    {
        public float Score { get; set; }
    }

    /// <summary>Rows as a data view, the feature vector's size fixed to <see cref="RankingFeatures.Names"/>.</summary>
    public static IDataView Load(MLContext ml, IEnumerable<RankerRow> rows) => ml.Data.LoadFromEnumerable(rows, Schema());

    public static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(RankerRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, RankingFeatures.Names.Count);
        return schema;
    }
}
