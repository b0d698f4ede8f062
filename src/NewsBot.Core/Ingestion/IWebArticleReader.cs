namespace NewsBot.Core.Ingestion;

/// <summary>Reads the articles behind a web address: a news page, or an RSS/Atom feed and the pages it links to.</summary>
public interface IWebArticleReader : IArticleReader
{
}
