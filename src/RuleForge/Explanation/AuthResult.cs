namespace RuleForge.Explanation;

/// <summary>The outcome of an authentication check, as the message's scenario states it.</summary>
public enum AuthResult
{
    None,
    Pass,
    Fail,
    SoftFail,
}
