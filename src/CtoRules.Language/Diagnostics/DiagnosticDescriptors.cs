namespace CtoRules.Language.Diagnostics;

/// <summary>
/// Every diagnostic CtoRules can report. Codes are stable: never renumber or reuse one.
/// CTO1xxx reading, CTO2xxx parsing, CTO3xxx type checking, CTO4xxx compiling, CTO5xxx evaluation.
/// </summary>
public static class DiagnosticDescriptors
{
    private static DiagnosticDescriptor E(string code, string title, string format) => new(code, DiagnosticSeverity.Error, title, format);
    private static DiagnosticDescriptor W(string code, string title, string format) => new(code, DiagnosticSeverity.Warning, title, format);

    // Reading
    public static readonly DiagnosticDescriptor FileUnreadable = E("CTO1001", "File cannot be read", "cannot read the file: {0}");
    public static readonly DiagnosticDescriptor MissingFrontMatter = E("CTO1002", "Missing front matter", "a rule file must start with YAML front matter between two '---' lines");
    public static readonly DiagnosticDescriptor YamlSyntax = E("CTO1003", "YAML syntax error", "YAML syntax error: {0}");
    public static readonly DiagnosticDescriptor MissingField = E("CTO1004", "Missing field", "missing required field '{0}'");
    public static readonly DiagnosticDescriptor UnknownField = E("CTO1005", "Unknown field", "unknown field '{0}'{1}");
    public static readonly DiagnosticDescriptor WrongFieldType = E("CTO1006", "Wrong field type", "field '{0}' must be {1}");
    public static readonly DiagnosticDescriptor DuplicateRuleId = E("CTO1007", "Duplicate rule id", "rule id '{0}' is already used by {1}");
    public static readonly DiagnosticDescriptor UnknownStage = E("CTO1008", "Unknown stage", "unknown stage '{0}'; expected one of {1}");
    public static readonly DiagnosticDescriptor UnknownKind = E("CTO1009", "Unknown kind", "unknown kind '{0}'; expected one of {1}");
    public static readonly DiagnosticDescriptor UnknownAction = E("CTO1010", "Unknown action code", "unknown action code '{0}'{1}");
    public static readonly DiagnosticDescriptor UnknownReference = E("CTO1011", "Unknown reference key", "unknown reference key '{0}'{1}");
    public static readonly DiagnosticDescriptor InvalidId = E("CTO1012", "Invalid identifier", "'{0}' is not a valid {1}: {2}");
    public static readonly DiagnosticDescriptor InvalidRuleSet = E("CTO1013", "Invalid ruleset.yaml", "{0}");
    public static readonly DiagnosticDescriptor UnknownScore = E("CTO1014", "Unknown score", "unknown score '{0}'; define it in rules/scores/{0}.yaml{1}");
    public static readonly DiagnosticDescriptor InvalidScore = E("CTO1015", "Invalid score definition", "{0}");
    public static readonly DiagnosticDescriptor InvalidReference = E("CTO1016", "Invalid bibliography entry", "{0}");
    public static readonly DiagnosticDescriptor DuplicateReference = E("CTO1017", "Duplicate reference key", "reference key '{0}' is defined twice");
    public static readonly DiagnosticDescriptor RoleConflict = E("CTO1018", "Fields of different rule roles", "{0}");
    public static readonly DiagnosticDescriptor EmptyList = E("CTO1019", "Empty list", "field '{0}' needs at least one entry");
    public static readonly DiagnosticDescriptor DuplicateScoreItem = E("CTO1020", "Duplicate score item", "score '{0}' already has an item '{1}' ({2})");
    public static readonly DiagnosticDescriptor RuleChangedWithoutVersion = E("CTO1021", "Published rule changed without a new version", "rule '{0}' differs from the published {1} but keeps version {2}; raise its version");
    public static readonly DiagnosticDescriptor NoRules = W("CTO1022", "No rules", "the rule set has no rules");
    public static readonly DiagnosticDescriptor UnknownSection = E("CTO1024", "Unknown review section", "unknown review section '{0}'{1}");
    public static readonly DiagnosticDescriptor UnusedReference = W("CTO1023", "Reference not cited", "reference '{0}' is not cited by any rule or score");
    public static readonly DiagnosticDescriptor CardSummaryTooLong = W("CTO1025", "Card summary too long", "the card summary of rule '{0}' would be {1} characters ('{2}'); CDS Hooks needs under 140: shorten the title");
    public static readonly DiagnosticDescriptor InvalidUtf8 = E("CTO1026", "Invalid UTF-8", "{0}");
    public static readonly DiagnosticDescriptor InvalidScorePoints = E("CTO1027", "Invalid score item points", "points must be a positive number no larger than the maximum {1} of score '{2}', got {0}");
    public static readonly DiagnosticDescriptor ScorePointsBelowMax = E("CTO1028", "Score items cannot reach the maximum", "the items of score '{0}' add up to {1}, below its maxPoints {2}: the maximum cannot be reached");
    public static readonly DiagnosticDescriptor MarkdownTooDeep = E("CTO1029", "Markdown nested too deeply", "the Markdown is nested too deeply to read: {0}; flatten its quotes, lists or emphasis");

    // Parsing
    public static readonly DiagnosticDescriptor SyntaxError = E("CTO2001", "Syntax error", "{0}");
    public static readonly DiagnosticDescriptor InvalidCharacter = E("CTO2002", "Invalid character", "{0}");
    public static readonly DiagnosticDescriptor NestingTooDeep = E("CTO2003", "Condition nested too deeply", "condition is nested deeper than {0} levels");
    public static readonly DiagnosticDescriptor ConditionTooLong = E("CTO2004", "Condition too long", "condition is longer than {0} characters");

    // Type checking
    public static readonly DiagnosticDescriptor UnknownPath = E("CTO3001", "Unknown path", "unknown path '{0}'{1}");
    public static readonly DiagnosticDescriptor UnknownEnumValue = E("CTO3002", "Unknown enum value", "'{0}' is not a value of {1} ({2}){3}");
    public static readonly DiagnosticDescriptor TypeMismatch = E("CTO3003", "Type mismatch", "{0} is {1} and cannot be compared with {2}");
    public static readonly DiagnosticDescriptor OperatorNotAllowed = E("CTO3004", "Operator not allowed", "operator '{0}' cannot be used with {1} ({2})");
    public static readonly DiagnosticDescriptor ValueOutOfRange = W("CTO3005", "Value outside the field's range", "{0} is outside the range of {1} ({2}–{3}); the comparison is constant");
    public static readonly DiagnosticDescriptor NotBoolean = E("CTO3006", "Not a boolean", "{0} is {1}; compare it with a value");
    public static readonly DiagnosticDescriptor KnownOfDerived = E("CTO3007", "known() of a derived fact", "known() takes a case path or block, not the derived fact '{0}'");
    public static readonly DiagnosticDescriptor DerivedCycle = E("CTO3008", "Derived facts form a cycle", "derived facts form a cycle: {0}");
    public static readonly DiagnosticDescriptor DerivedTwice = E("CTO3009", "Derived fact defined twice", "derived fact '{0}' is already derived by {1}");
    public static readonly DiagnosticDescriptor BlockNeedsKnown = E("CTO3010", "Block used as a value", "'{0}' is a block; use known({0})");
    public static readonly DiagnosticDescriptor UnknownScoreInCondition = E("CTO3011", "Unknown score in a condition", "unknown score '{0}'{1}");
    public static readonly DiagnosticDescriptor ScoreReadByScore = E("CTO3012", "A score reads a score", "{0} reads score {1}{2}; a score's items and 'when' may not read a score, directly or through derived facts");

    // Compiling and evaluating
    public static readonly DiagnosticDescriptor CompileFailed = E("CTO4001", "Rule could not be compiled", "rule '{0}' could not be compiled: {1}");
    public static readonly DiagnosticDescriptor EvaluationFailed = E("CTO5001", "Evaluation failed", "evaluation failed in rule '{0}': {1}");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        typeof(DiagnosticDescriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
}
