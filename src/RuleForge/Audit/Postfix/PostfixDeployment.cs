using RuleForge.Diagnostics;

namespace RuleForge.Audit.Postfix;

/// <summary>
/// A Postfix configuration folder: main.cf (or RuleForge's main.cf.fragment when there is no
/// main.cf), master.cf when present, and the lookup tables its restrictions name.
/// </summary>
public sealed class PostfixDeployment
{
    /// <summary>The smtpd restriction lists, in the order smtpd evaluates them.</summary>
    public static readonly IReadOnlyList<string> RestrictionParameters =
    [
        "smtpd_client_restrictions", "smtpd_helo_restrictions", "smtpd_sender_restrictions",
        "smtpd_relay_restrictions", "smtpd_recipient_restrictions", "smtpd_data_restrictions",
        "smtpd_end_of_data_restrictions",
    ];

    private static readonly string[] MainFiles = ["main.cf", "main.cf.fragment"];

    private PostfixDeployment(MainCf main, IReadOnlyList<PostfixService> services, bool hasMasterCf,
        PostfixTables tables, DiagnosticBag findings)
    {
        Main = main;
        Services = services;
        HasMasterCf = hasMasterCf;
        Tables = tables;
        Findings = findings;
    }

    /// <summary>The main.cf parameters.</summary>
    public MainCf Main { get; }

    /// <summary>The services of master.cf, or the stock smtpd (and postscreen) ones when there is none.</summary>
    public IReadOnlyList<PostfixService> Services { get; }

    /// <summary>True when master.cf was read; false when the services were assumed.</summary>
    public bool HasMasterCf { get; }

    /// <summary>The lookup tables.</summary>
    public PostfixTables Tables { get; }

    /// <summary>Where problems reading the configuration are reported.</summary>
    public DiagnosticBag Findings { get; }

    /// <summary>Reads a folder; null with nothing reported when it holds no main.cf (a usage error).</summary>
    public static PostfixDeployment? Load(string folder, DiagnosticBag findings)
    {
        var mainPath = MainFiles.Select(f => Path.Combine(folder, f))
            .FirstOrDefault(File.Exists);
        if (mainPath is null)
        {
            return null;
        }

        var main = MainCf.Parse(File.ReadAllText(mainPath), Path.Join(folder, Path.GetFileName(mainPath)), findings);
        var masterPath = Path.Combine(folder, "master.cf");
        var hasMaster = File.Exists(masterPath);
        var services = hasMaster
            ? MasterCf.Parse(File.ReadAllText(masterPath), Path.Join(folder, "master.cf"), findings)
            : AssumedServices(main);
        var configDirectory = new PostfixSettings(main, null, findings).Get("config_directory").Text;
        return new PostfixDeployment(main, services, hasMaster, new PostfixTables(folder, configDirectory, findings),
            findings);
    }

    /// <summary>The settings one service sees.</summary>
    public PostfixSettings SettingsOf(PostfixService? service) => new(Main, service, Findings);

    /// <summary>The smtpd services (inet or pass, command smtpd).</summary>
    public IEnumerable<PostfixService> SmtpdServices => Services.Where(s => s.Command == "smtpd");

    /// <summary>The postscreen services.</summary>
    public IEnumerable<PostfixService> PostscreenServices => Services.Where(s => s.Command == "postscreen");

    /// <summary>True when more than one smtpd service exists, so findings must name the service.</summary>
    public bool NameServices => SmtpdServices.Count() > 1;

    /// <summary>Every restriction list of one smtpd service, restriction classes expanded.</summary>
    public IReadOnlyList<SmtpdList> ListsOf(PostfixService service)
    {
        var settings = SettingsOf(service);
        var classes = RestrictionItem.Tokens(settings.Get("smtpd_restriction_classes"))
            .Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var lists = new List<SmtpdList>();
        foreach (var parameter in RestrictionParameters)
        {
            var items = Expand(RestrictionItem.Split(settings.Get(parameter)), settings, classes, 0);
            var at = settings.Source(parameter)?.Location ?? SourceLocation.OfFile(Main.File);
            lists.Add(new SmtpdList(parameter, service, items, at));
        }

        return lists;
    }

    private static List<RestrictionItem> Expand(
        IReadOnlyList<RestrictionItem> items, PostfixSettings settings, HashSet<string> classes, int depth)
    {
        var result = new List<RestrictionItem>();
        foreach (var item in items)
        {
            if (item.Argument is null && classes.Contains(item.Name) && depth < 5)
            {
                result.AddRange(Expand(RestrictionItem.Split(settings.Get(item.Name)), settings, classes, depth + 1));
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }

    // Without master.cf, assume the stock smtpd service, behind postscreen when main.cf sets
    // postscreen parameters (RuleForge's own fragment does).
    private static List<PostfixService> AssumedServices(MainCf main)
    {
        var none = new Dictionary<string, PostfixParameter>(StringComparer.Ordinal);
        var at = SourceLocation.OfFile(main.File);
        var postscreen = main.Parameters.Keys.Any(k => k.StartsWith("postscreen_", StringComparison.Ordinal));
        return postscreen
            ? [new("smtp", "inet", "postscreen", none, at), new("smtpd", "pass", "smtpd", none, at)]
            : [new("smtp", "inet", "smtpd", none, at)];
    }
}
