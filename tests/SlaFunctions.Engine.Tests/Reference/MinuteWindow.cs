using NodaTime;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>The stretch of whole minutes a reference evaluation may look at, from a first minute for a number of
/// minutes; index i is the minute <c>[First + i, First + i + 1)</c>. Walking past its end means the case needs a longer
/// look than the reference takes, and the case is left out (<see cref="BeyondHorizonException"/>).</summary>
internal sealed record MinuteWindow(Instant First, int Length)
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>The index of the minute that starts at <paramref name="at"/> (a whole minute).</summary>
    public int IndexOf(Instant at) => checked((int)((at - First).BclCompatibleTicks / Minute.BclCompatibleTicks));

    /// <summary>The instant minute <paramref name="index"/> starts.</summary>
    public Instant At(int index) => First + Duration.FromMinutes(index);

    /// <summary>Throws when <paramref name="index"/> lies past the window.</summary>
    public void Check(int index)
    {
        if (index >= Length || index < 0)
        {
            throw new BeyondHorizonException();
        }
    }
}

/// <summary>The reference would have to walk past its window: the generated case is discarded, not judged.</summary>
internal sealed class BeyondHorizonException : Exception
{
    public BeyondHorizonException()
        : base("The reference walked past its horizon.")
    {
    }

    public BeyondHorizonException(string message)
        : base(message)
    {
    }

    public BeyondHorizonException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
