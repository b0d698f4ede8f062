using System.ComponentModel.DataAnnotations;

namespace NewsBot.Ingestion.Web;

/// <summary>How NewsBot reads pages and feeds from the web. Section <c>Web</c>.</summary>
public sealed class WebIngestionOptions
{
    public const string SectionName = "Web";

    /// <summary>Sent with every request, so that site owners can see who reads their pages.</summary>
    [Required]
    public string UserAgent { get; set; } = "NewsBot/1.0 (news question answering)";

    /// <summary>Time allowed for one download before it counts as failed (and is retried once).</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// Time allowed for reading one feed's linked pages altogether: items whose page is not read by then keep the
    /// feed's own text (or fail alone, when they have none).
    /// </summary>
    [Range(5, 3600)]
    public int FeedDeadlineSeconds { get; set; } = 120;

    /// <summary>Linked pages of one feed read at the same time.</summary>
    [Range(1, 32)]
    public int PageReadsAtOnce { get; set; } = 4;

    /// <summary>Largest page or feed read; anything bigger is refused with a message.</summary>
    [Range(1, 200)]
    public int MaxDownloadMegabytes { get; set; } = 10;

    /// <summary>A feed item with less text than this (a teaser) is read from the page it links to.</summary>
    [Range(0, 100_000)]
    public int MinFeedWords { get; set; } = 80;

    /// <summary>Whether feed teasers are completed from the linked pages; off, the feed's own text is stored.</summary>
    public bool FetchPages { get; set; } = true;

    /// <summary>Whether pages found in feeds are read only where the site's robots.txt allows NewsBot.</summary>
    public bool RespectRobotsTxt { get; set; } = true;

    public long MaxDownloadBytes => MaxDownloadMegabytes * 1024L * 1024L;
}
