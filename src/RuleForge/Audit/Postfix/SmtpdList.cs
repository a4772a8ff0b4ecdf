using RuleForge.Diagnostics;

namespace RuleForge.Audit.Postfix;

/// <summary>An smtpd restriction list as one service evaluates it, restriction classes expanded.</summary>
/// <param name="Parameter">The main.cf parameter, such as smtpd_client_restrictions.</param>
/// <param name="Service">The smtpd service that runs the list.</param>
/// <param name="Items">The restrictions in evaluation order.</param>
/// <param name="Location">Where the list was set (main.cf or a master.cf -o override).</param>
public sealed record SmtpdList(
    string Parameter,
    PostfixService Service,
    IReadOnlyList<RestrictionItem> Items,
    SourceLocation Location)
{
    /// <summary>
    /// How findings name the list: the parameter, and the service when several smtpd services
    /// exist and this one sets the list itself with -o (a main.cf list is the same in each).
    /// </summary>
    public string Label(bool withService) =>
        withService && Service.Overrides.ContainsKey(Parameter) ? $"{Parameter} of {Service.Label}" : Parameter;
}
