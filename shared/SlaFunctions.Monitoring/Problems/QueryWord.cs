namespace SlaFunctions.Monitoring.Problems;

/// <summary>A query parameter that picks one of a closed set of words (<c>state=breached</c>, <c>groupBy=customer</c>).</summary>
public static class QueryWord
{
    /// <summary>The value of the word <paramref name="given"/> (exact case) among <paramref name="choices"/>,
    /// <paramref name="fallback"/> when none is given; else null, with a problem at <paramref name="parameter"/> in
    /// <paramref name="errors"/> that lists the words.</summary>
    /// <param name="given">The parameter as sent, or null.</param>
    /// <param name="fallback">The value when the parameter is absent.</param>
    /// <param name="parameter">The parameter's name, the problem's path.</param>
    /// <param name="kind">What a word names, e.g. <c>state</c>.</param>
    /// <param name="errors">Gets the problem.</param>
    /// <param name="choices">The words and their values, in the order the problem lists them.</param>
    public static T? Choose<T>(string? given, T fallback, string parameter, string kind, List<ProblemError> errors, params (string Word, T Value)[] choices)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(choices);
        if (given is null)
        {
            return fallback;
        }
        foreach (var (word, value) in choices)
        {
            if (word == given)
            {
                return value;
            }
        }
        var words = choices.Select(c => c.Word).ToList();
        errors.Add(new(parameter, $"'{given}' is not a {kind}; use {string.Join(", ", words[..^1])} or {words[^1]}."));
        return null;
    }
}
