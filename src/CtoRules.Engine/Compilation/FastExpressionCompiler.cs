using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// Compiles NRules' condition and action expressions with FastExpressionCompiler instead of
/// <c>Expression.Compile()</c>: the profile of compiling the rule set was dominated by
/// <c>LambdaCompiler</c> and <c>DynamicMethod.CreateDelegate</c> (docs/performance.md). Falls back to
/// the system compiler for any expression FastExpressionCompiler does not support.
/// </summary>
internal sealed class FastNRulesExpressionCompiler : IExpressionCompiler
{
    public static FastNRulesExpressionCompiler Instance { get; } = new();

    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression) where TDelegate : Delegate =>
        expression.CompileFast(ifFastFailedReturnNull: true) ?? expression.Compile();
}
