using System.Linq.Expressions;
using NewsBot.Answering.Retrieval;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>A LINQ filter over passages becomes the store's filter, whether its values are constants or captured variables.</summary>
public sealed class FilterTranslatorTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewsBot_s_own_filter_keeps_every_outlet_and_both_dates()
    {
        var filter = FilterTranslator.Translate(NewsTextSearch.Filter(["Northern Wire", "Harbour Times"], Since, Since.AddDays(7)));

        Assert.Equal(["Northern Wire", "Harbour Times"], filter.Sources);
        Assert.Equal((Since, Since.AddDays(7)), (filter.From, filter.To));
    }

    [Fact]
    public void Captured_variables_and_a_computed_date_are_read_as_their_values()
    {
        var outlet = "Pacific Dispatch";
        var since = Since;
        Expression<Func<NewsPassage, bool>> written = p => p.Source == outlet && p.PublishedAt >= since && p.PublishedAt < since.AddDays(3);

        var filter = FilterTranslator.Translate(written);

        Assert.Equal(["Pacific Dispatch"], filter.Sources);
        Assert.Equal((Since, Since.AddDays(3)), (filter.From, filter.To));
    }
}
