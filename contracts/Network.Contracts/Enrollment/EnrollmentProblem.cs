namespace Network.Contracts.Enrollment;

/// <summary>One thing wrong with an enrollment request.</summary>
/// <param name="Field">Where: <c>jws</c>, <c>header.alg</c>, <c>$.cityId</c>, <c>signature</c>, ...</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record EnrollmentProblem(string Field, string Message);
