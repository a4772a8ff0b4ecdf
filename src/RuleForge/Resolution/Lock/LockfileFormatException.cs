namespace RuleForge.Resolution.Lock;

/// <summary>A lockfile that is not the JSON this RuleForge writes.</summary>
public sealed class LockfileFormatException : Exception
{
    /// <summary>Makes the exception with a message in the user's words.</summary>
    public LockfileFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Makes the exception with a message and the parser's exception.</summary>
    public LockfileFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Makes the exception with a default message.</summary>
    public LockfileFormatException()
        : base("the lockfile is not valid")
    {
    }
}
