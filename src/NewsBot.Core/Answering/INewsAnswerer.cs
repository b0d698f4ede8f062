namespace NewsBot.Core.Answering;

/// <summary>Answers questions about the stored news. Channels (CLI, bot) depend on this and nothing else.</summary>
public interface INewsAnswerer
{
    /// <summary>Whether answers are generated piece by piece (a language model), so that channels can show them as they come.</summary>
    bool Streams { get; }

    /// <param name="onText">Receives the answer text as it is generated, when the answerer streams; may be null.</param>
    Task<Answer> AnswerAsync(AnswerRequest request, Func<string, CancellationToken, Task>? onText = null, CancellationToken cancellationToken = default);
}
