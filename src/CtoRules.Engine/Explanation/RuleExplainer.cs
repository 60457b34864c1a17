using System.Collections.Immutable;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Facts;
using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Engine.Explanation;

/// <summary>
/// Builds a <see cref="RuleExplanation"/>: walks a rule's bound condition over a case with the
/// same three-valued semantics as <see cref="ConditionEvaluator"/>, expanding each derived fact
/// into the condition of the rule that derives it. Derived facts are always decided (true, false
/// or unknown) in an evaluation, so evaluating their rules recursively gives the values the
/// session inserts; a test checks that over the whole corpus. A score a rule reads
/// (<c>score(NAME) &gt;= n</c>) is taken from the engine's own evaluation of the case.
/// </summary>
internal sealed class RuleExplainer(RuleSet ruleSet, Case @case, ScoreFact[]? scores)
{
    private readonly Dictionary<string, ClauseExplanation> _derived = new(StringComparer.Ordinal);

    public RuleExplanation Explain(RuleDefinition rule)
    {
        var tree = Clause(rule.Condition, rule.Id);
        // The stage that decides scope (an uncrossable device holds the procedure at device crossing).
        var stage = CaseSchema.Stages[Scope.StageOrdinal(@case.UnsafeValues)];
        var outOfScope = rule.Role == RuleRole.Advice
            && CaseSchema.StageOrdinal(rule.Stage!) < Scope.StageOrdinal(@case.UnsafeValues);
        var outcome = outOfScope ? RuleOutcome.OutOfScope : tree.Value switch
        {
            Truth.True => RuleOutcome.Fired,
            Truth.False => RuleOutcome.NotFired,
            _ => RuleOutcome.Undecided,
        };
        if (outcome is RuleOutcome.NotFired or RuleOutcome.Undecided) tree = MarkBlocking(tree);
        var blocking = ImmutableArray.CreateBuilder<ClauseExplanation>();
        CollectBlocking(tree, blocking);
        var missing = new List<string>();
        if (outcome == RuleOutcome.Undecided) CollectMissing(tree, missing);
        return new RuleExplanation(rule.Id, rule.Version, rule.Title, RoleName(rule.Role), @case.Id, stage, outcome, tree,
            blocking.ToImmutable(), [.. missing])
        {
            Stage = rule.Stage,
            Step = rule.Role == RuleRole.Advice ? rule.Step : null,
            Kind = rule.Kind,
            Actions = rule.Actions,
            Score = rule.Score,
            Item = rule.Item,
            Points = rule.Role == RuleRole.ScoreItem ? rule.Points : null,
            Derives = rule.Derives,
            When = rule.When,
            Summary = Summary(rule, outcome, stage, blocking, missing),
        };
    }

    public static string RoleName(RuleRole role) => role switch
    {
        RuleRole.Advice => "advice",
        RuleRole.Derived => "derived",
        _ => "score-item",
    };

    private ClauseExplanation Clause(BoundCondition condition, string ruleId)
    {
        ClauseExplanation Node(ClauseKind kind, Truth value, ImmutableArray<ClauseFact> facts, params ClauseExplanation[] children) =>
            new(kind, condition.ToString(), value, facts, [.. children]) { RuleId = ruleId, Span = condition.Range };

        switch (condition)
        {
            case BoundAnd a:
            {
                var (l, r) = (Clause(a.Left, ruleId), Clause(a.Right, ruleId));
                return Node(ClauseKind.And, ConditionEvaluator.And(l.Value, r.Value), [], [.. Operands(ClauseKind.And, l), .. Operands(ClauseKind.And, r)]);
            }
            case BoundOr o:
            {
                var (l, r) = (Clause(o.Left, ruleId), Clause(o.Right, ruleId));
                return Node(ClauseKind.Or, ConditionEvaluator.Or(l.Value, r.Value), [], [.. Operands(ClauseKind.Or, l), .. Operands(ClauseKind.Or, r)]);
            }
            case BoundNot n:
            {
                var operand = Clause(n.Operand, ruleId);
                return Node(ClauseKind.Not, ConditionEvaluator.Not(operand.Value), [], operand);
            }
            case BoundConstant k:
                return Node(ClauseKind.Constant, k.Value ? Truth.True : Truth.False, []);
            case BoundKnownField k:
                return Node(ClauseKind.Known, @case.IsKnown(k.Field) ? Truth.True : Truth.False, [Fact(k.Field)]);
            case BoundKnownBlock b:
            {
                var given = @case.HasBlock(b.Block);
                return Node(ClauseKind.Known, given ? Truth.True : Truth.False, [new ClauseFact(b.Block, given ? "given" : "not given")]);
            }
            case BoundCompare cmp:
                return Node(ClauseKind.Compare, Leaf(cmp.Field, cmp.Holds), [Fact(cmp.Field)]);
            case BoundIn i:
                return Node(ClauseKind.In, Leaf(i.Field, i.Holds), [Fact(i.Field)]);
            case BoundDerived d:
                return Derived(d) with { Span = d.Range, RuleId = ruleId };
            case BoundScore s:
            {
                var (score, undecided) = Score(s.Score);
                return Node(ClauseKind.Score, score.Compare(s.Op, s.Value), [new ClauseFact($"score({s.Score})", score.Describe())], [.. undecided]);
            }
            default:
                throw new InvalidOperationException($"unexpected condition {condition.GetType().Name}");
        }
    }

    /// <summary>
    /// <c>a and b and c</c> binds as <c>(a and b) and c</c>; drawn as one <c>and</c> with three
    /// operands, which is how a reader wrote and reads it (and/or are associative in Kleene logic too).
    /// </summary>
    private static IEnumerable<ClauseExplanation> Operands(ClauseKind kind, ClauseExplanation operand) =>
        operand.Kind == kind ? operand.Children : [operand];

    private Truth Leaf(FactField field, Func<double, bool> holds)
    {
        var v = @case.Values[field.Slot];
        return double.IsNaN(v) ? Truth.Unknown : holds(v) ? Truth.True : Truth.False;
    }

    private ClauseFact Fact(FactField field) => new(field.Path, @case.Get(field.Path));

    /// <summary>A derived fact, expanded once per explanation (a fact used twice is evaluated once).</summary>
    private ClauseExplanation Derived(BoundDerived d)
    {
        if (_derived.TryGetValue(d.Name, out var done)) return done;
        var rule = ruleSet.Rules.First(r => r.Role == RuleRole.Derived && r.Derives == d.Name);
        var body = Clause(rule.Condition, rule.Id);
        var value = body.Value switch { Truth.True => "true", Truth.False => "false", _ => null };
        var node = new ClauseExplanation(ClauseKind.Derived, d.Name, body.Value, [new ClauseFact(d.Name, value)], [body])
        {
            RuleId = rule.Id,
            DerivedBy = rule.Id,
        };
        _derived[d.Name] = node;
        return node;
    }

    /// <summary>
    /// A score as the session computes it (<see cref="Evaluation.ScoreFacts"/>): each item's condition
    /// evaluated like any clause, the decided points and the interval the undecided items leave.
    /// Returns the clauses of the undecided items (or of an undecided <c>when</c>), which say what
    /// would decide the score.
    /// </summary>
    private (ScoreFact Score, List<ClauseExplanation> Undecided) Score(string name)
    {
        var definition = ruleSet.Scores.First(s => s.Name == name);
        var undecided = new List<ClauseExplanation>();
        if (definition.Condition is { } when)
        {
            var w = Clause(when, name);
            if (w.Value != Truth.True)
            {
                if (w.Value == Truth.Unknown) undecided.Add(w);
                return (new ScoreFact(name, false, 0, 0, 0, definition.MaxPoints, [], [], [.. definition.Condition.CasePaths()]), undecided);
            }
        }
        double points = 0, up = 0, down = 0;
        var components = new List<(string, double)>();
        var open = new List<string>();
        foreach (var item in ruleSet.Rules.Where(r => r.Role == RuleRole.ScoreItem && r.Score == name).OrderBy(r => r.Item, StringComparer.Ordinal))
        {
            var clause = Clause(item.Condition, item.Id);
            if (clause.Value == Truth.True)
            {
                points += item.Points;
                components.Add((item.Item!, item.Points));
            }
            else if (clause.Value == Truth.Unknown)
            {
                up += Math.Max(0, item.Points);
                down += Math.Min(0, item.Points);
                open.Add(item.Item!);
                undecided.Add(clause);
            }
        }
        var score = new ScoreFact(name, true, points, Math.Max(0, points + down), Math.Min(definition.MaxPoints, points + up),
            definition.MaxPoints, components, open, []);
        return (score, undecided);
    }

    /// <summary>
    /// Marks the clauses that stopped the rule: for a false condition, the false operands of an
    /// <c>and</c> and every operand of an <c>or</c>; for an undecided one, the unknown operands.
    /// A negation or a derived fact is marked as a whole (its subtree says why).
    /// </summary>
    private static ClauseExplanation MarkBlocking(ClauseExplanation node)
    {
        if (node.Kind is ClauseKind.And or ClauseKind.Or)
        {
            var children = node.Children.Select(c => c.Value == node.Value ? MarkBlocking(c) : c);
            return node with { Children = [.. children] };
        }
        return node with { Blocking = true };
    }

    private static void CollectBlocking(ClauseExplanation node, ImmutableArray<ClauseExplanation>.Builder into)
    {
        if (node.Blocking)
        {
            into.Add(node);
            return;
        }
        if (node.Kind is ClauseKind.And or ClauseKind.Or)
            foreach (var c in node.Children) CollectBlocking(c, into);
    }

    /// <summary>The unknown case facts under an undecided clause; a whole absent block is named by the block.</summary>
    private void CollectMissing(ClauseExplanation node, List<string> into)
    {
        if (node.Value != Truth.Unknown) return;
        if (node.Kind == ClauseKind.Score)
        {
            var name = node.Facts[0].Path["score(".Length..^1];
            foreach (var m in scores?.FirstOrDefault(x => x.Name == name)?.Missing ?? [])
                if (!into.Contains(m)) into.Add(m);
            return;
        }
        if (node.Kind is ClauseKind.Compare or ClauseKind.In)
        {
            var path = node.Facts[0].Path;
            var field = CaseSchema.Find(path)!;
            var name = @case.HasBlock(field.Block) ? path : field.Block;
            if (!into.Contains(name)) into.Add(name);
            return;
        }
        foreach (var c in node.Children) CollectMissing(c, into);
    }

    private static string Summary(RuleDefinition rule, RuleOutcome outcome, string stage, IReadOnlyList<ClauseExplanation> blocking, List<string> missing) => outcome switch
    {
        RuleOutcome.Fired => $"{rule.Id} fired: its condition holds for this case.",
        RuleOutcome.OutOfScope => $"{rule.Id} is advice for the {rule.Stage} stage; the case is at {stage}, so it is not repeated.",
        RuleOutcome.Undecided => $"{rule.Id} is undecided: it depends on {string.Join(", ", missing)}, which the case does not give.",
        _ => $"{rule.Id} did not fire: {string.Join("; ", blocking.Select(b => b.Text + " is false"))}.",
    };
}
