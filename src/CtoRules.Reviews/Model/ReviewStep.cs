namespace CtoRules.Reviews.Model;

/// <summary>One recorded step of a review, with who took it and their comment.</summary>
public sealed class ReviewStep
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public ReviewStepKind Kind { get; set; }
    public required string UserName { get; set; }
    public string Comment { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
