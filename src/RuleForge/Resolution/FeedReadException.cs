namespace RuleForge.Resolution;

/// <summary>Thrown by a feed reader when the content does not have the expected shape.</summary>
public sealed class FeedReadException(string message) : Exception(message)
{
    public FeedReadException()
        : this("the feed could not be read")
    {
    }

    public FeedReadException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}
