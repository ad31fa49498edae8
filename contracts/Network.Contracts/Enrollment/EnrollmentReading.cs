namespace Network.Contracts.Enrollment;

/// <summary>What reading a signed enrollment request found: the request, or every problem.</summary>
/// <typeparam name="TRequest">A city's <see cref="EnrollmentRequest"/> or a <see cref="VerifierEnrollmentRequest"/>.</typeparam>
public sealed record EnrollmentReading<TRequest>
    where TRequest : class
{
    private EnrollmentReading(TRequest? request, IReadOnlyList<EnrollmentProblem> problems)
    {
        Request = request;
        Problems = problems;
    }

    /// <summary>The request, when it is sound and its signature verifies.</summary>
    public TRequest? Request { get; }

    /// <summary>Every problem found; empty when <see cref="Request"/> is set.</summary>
    public IReadOnlyList<EnrollmentProblem> Problems { get; }

    internal static EnrollmentReading<TRequest> Accept(TRequest request) => new(request, []);

    internal static EnrollmentReading<TRequest> Refuse(IReadOnlyList<EnrollmentProblem> problems) => new(null, problems);
}
