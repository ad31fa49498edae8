namespace Network.Benchmarking.Targets;

/// <summary>The outcome of reading a target-set file: the set, or every error found in it.</summary>
public sealed class TargetSetParseResult
{
    private readonly TargetSet? _value;

    private TargetSetParseResult(TargetSet? value, IReadOnlyList<TargetSetError> errors)
    {
        _value = value;
        Errors = errors;
    }

    /// <summary>Whether the file was accepted; then <see cref="Errors"/> is empty.</summary>
    public bool Succeeded => _value is not null;

    /// <summary>The set read from the file.</summary>
    /// <exception cref="InvalidOperationException">The file was refused; the message lists every error.</exception>
    public TargetSet Value => _value ?? throw new InvalidOperationException(
        $"The target set has {Errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, Errors)}");

    /// <summary>Every error, in line order; empty when the file was accepted.</summary>
    public IReadOnlyList<TargetSetError> Errors { get; }

    internal static TargetSetParseResult Success(TargetSet value) => new(value, []);

    internal static TargetSetParseResult Failure(IReadOnlyList<TargetSetError> errors) => new(null, errors);
}
