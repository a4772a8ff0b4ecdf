namespace RuleForge; internal static class Placeholder { }
