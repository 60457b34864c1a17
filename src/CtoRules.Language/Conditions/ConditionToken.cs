using Superpower.Display;

namespace CtoRules.Language.Conditions;

/// <summary>Tokens of the condition language.</summary>
public enum ConditionToken
{
    [Token(Category = "keyword", Example = "and")] And,
    [Token(Category = "keyword", Example = "or")] Or,
    [Token(Category = "keyword", Example = "not")] Not,
    [Token(Category = "keyword", Example = "in")] In,
    [Token(Category = "keyword", Example = "known")] Known,
    [Token(Category = "keyword", Example = "score")] Score,
    [Token(Category = "keyword", Example = "true")] True,
    [Token(Category = "keyword", Example = "false")] False,
    [Token(Category = "path or value")] Word,
    [Token(Category = "number")] Number,
    [Token(Category = "operator", Example = "==")] Equal,
    [Token(Category = "operator", Example = "!=")] NotEqual,
    [Token(Category = "operator", Example = "<=")] LessOrEqual,
    [Token(Category = "operator", Example = ">=")] GreaterOrEqual,
    [Token(Category = "operator", Example = "<")] Less,
    [Token(Category = "operator", Example = ">")] Greater,
    [Token(Example = "(")] LParen,
    [Token(Example = ")")] RParen,
    [Token(Example = "[")] LBracket,
    [Token(Example = "]")] RBracket,
    [Token(Example = ",")] Comma,
}
