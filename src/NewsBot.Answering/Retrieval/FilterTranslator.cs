using System.Linq.Expressions;
using NewsBot.Core.Storage;

namespace NewsBot.Answering.Retrieval;

/// <summary>
/// Turns a LINQ filter over <see cref="NewsPassage"/> into a store filter. Supported: <c>Source == "X"</c>
/// (several joined with <c>||</c>), comparisons of <c>PublishedAt</c> with a date, and <c>&amp;&amp;</c> of those.
/// </summary>
internal static class FilterTranslator
{
    public static SearchFilter Translate(Expression<Func<NewsPassage, bool>>? filter) =>
        filter is null ? SearchFilter.None : Visit(filter.Body, SearchFilter.None);

    private static SearchFilter Visit(Expression node, SearchFilter filter)
    {
        switch (node)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                return Visit(and.Right, Visit(and.Left, filter));
            case BinaryExpression { NodeType: ExpressionType.OrElse } or:
                var sources = Sources(or);
                return filter with { Sources = [.. filter.Sources, .. sources] };
            case BinaryExpression { NodeType: ExpressionType.Equal } equal when Member(equal) == nameof(NewsPassage.Source):
                return filter with { Sources = [.. filter.Sources, (string)Value(equal)!] };
            case BinaryExpression compare when Member(compare) == nameof(NewsPassage.PublishedAt):
                var date = ToDate(Value(compare));
                var memberOnLeft = IsMember(compare.Left);
                return (compare.NodeType, memberOnLeft) switch
                {
                    (ExpressionType.GreaterThanOrEqual, true) or (ExpressionType.LessThanOrEqual, false) => filter with { From = date },
                    (ExpressionType.GreaterThan, true) or (ExpressionType.LessThan, false) => filter with { From = date.AddTicks(1) },
                    (ExpressionType.LessThan, true) or (ExpressionType.GreaterThan, false) => filter with { To = date },
                    (ExpressionType.LessThanOrEqual, true) or (ExpressionType.GreaterThanOrEqual, false) => filter with { To = date.AddTicks(1) },
                    _ => throw Unsupported(node),
                };
            default:
                throw Unsupported(node);
        }
    }

    private static IEnumerable<string> Sources(BinaryExpression or) =>
        new[] { or.Left, or.Right }.SelectMany(side => side switch
        {
            BinaryExpression { NodeType: ExpressionType.OrElse } nested => Sources(nested),
            BinaryExpression { NodeType: ExpressionType.Equal } equal when Member(equal) == nameof(NewsPassage.Source) => [(string)Value(equal)!],
            _ => throw Unsupported(side),
        });

    private static string? Member(BinaryExpression binary) =>
        (Unwrap(binary.Left) as MemberExpression ?? Unwrap(binary.Right) as MemberExpression) is { Expression: ParameterExpression } member
            ? member.Member.Name
            : null;

    private static bool IsMember(Expression side) => Unwrap(side) is MemberExpression { Expression: ParameterExpression };

    private static object? Value(BinaryExpression binary) => Evaluate(IsMember(binary.Left) ? binary.Right : binary.Left);

    /// <summary>
    /// A filter's value: a constant (as NewsBot's own filters write them) or a captured variable, read directly; any
    /// other expression is compiled once here. Compiling every value made a dynamic method per search, whose
    /// finalisation cost more CPU under load than answering.
    /// </summary>
    private static object? Evaluate(Expression side) => side switch
    {
        ConstantExpression constant => constant.Value,
        UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand } convert
            when Nullable.GetUnderlyingType(convert.Type) == operand.Type || convert.Type == typeof(object) => Evaluate(operand),
        MemberExpression { Member: System.Reflection.FieldInfo field, Expression: var owner } =>
            field.GetValue(owner is null ? null : Evaluate(owner)),
        MemberExpression { Member: System.Reflection.PropertyInfo property, Expression: var owner } =>
            property.GetValue(owner is null ? null : Evaluate(owner)),
        _ => Expression.Lambda(side).Compile(preferInterpretation: true).DynamicInvoke(),
    };

    private static DateTimeOffset ToDate(object? value) => value switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        _ => throw new NotSupportedException($"PublishedAt can only be compared with a date, not '{value}'."),
    };

    private static Expression Unwrap(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : e;

    private static NotSupportedException Unsupported(Expression node) =>
        new($"News search filters support Source == \"outlet\" (joined with ||), comparisons of PublishedAt, and && of those; not '{node}'.");
}
