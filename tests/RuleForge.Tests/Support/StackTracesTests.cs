using Xunit;

namespace RuleForge.Tests.Support;

public class StackTracesTests
{
    [Fact]
    public void ARealTrace_IsFound_AQuotedValueWithAtIsNot()
    {
        string trace;
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException e)
        {
            trace = "internal error: boom\n" + e;
        }

        Assert.True(StackTraces.In(trace));
        Assert.False(StackTraces.In(
            "efax.yaml:50:13: error RF1207: 'aligned     at SMTP t' is not a valid value for authentication.dkim\n" +
            "      dkim: aligned     at SMTP t # signed by the header From domain\n"));
    }
}
