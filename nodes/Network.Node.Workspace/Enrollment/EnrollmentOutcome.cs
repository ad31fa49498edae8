namespace Network.Node.Workspace.Enrollment;

/// <summary>What the hub answered an enrollment request: received (pending a coordinator), refused with problems, or not reached.</summary>
/// <param name="EnrollmentId">The hub's id of the request, when it took it.</param>
/// <param name="Duplicate">Whether the hub held this key's request already (and answered with it).</param>
/// <param name="Problems">What the hub found wrong (field: message), when it refused the request.</param>
/// <param name="Failure">Why there is no answer, or the hub's reason for refusing without problems (the key is registered already).</param>
public sealed record EnrollmentOutcome(Guid? EnrollmentId, bool Duplicate, IReadOnlyList<string> Problems, string? Failure)
{
    /// <summary>Whether the hub took the request.</summary>
    public bool Received => EnrollmentId is not null;
}
