using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;

namespace NewsBot.Cli.Commands;

/// <summary><c>delete ID...</c>: removes articles and their passages.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliContext context)
    {
        var ids = new Argument<string[]>("ids") { Description = "Article ids (as search and stats show them)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("delete", "Remove articles and their passages from the store") { ids };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.Services(parse);
            var store = services.GetRequiredService<INewsStore>();
            var copies = services.GetRequiredService<IStoryIndex>();
            var missing = 0;
            foreach (var id in parse.GetValue(ids)!)
            {
                if (await store.DeleteArticleAsync(id, cancellationToken))
                {
                    await copies.RemoveAsync(id, cancellationToken);
                    context.Output.WriteLine($"deleted {id}");
                }
                else
                {
                    context.Error.WriteLine($"{id}: no such article");
                    missing++;
                }
            }

            return missing == 0 ? ExitCodes.Ok : ExitCodes.NothingDone;
        });
        return command;
    }
}
