namespace Network.Contracts.Results;

/// <summary>
/// The outcome of an operation that either produces a value or is refused for named reasons, in the spirit of
/// NodaTime's <c>ParseResult&lt;T&gt;</c>: never both, never neither. A refusal carries every reason found, in the order
/// found (a file's errors in line order, a snapshot's rejections in the verifier's order), each a named value the
/// caller can act on, not an exception message to parse. Asking a refusal for its <see cref="Value"/> throws, with
/// every reason in the message; callers that can handle a refusal check <see cref="Success"/> or use
/// <see cref="TryGetValue"/> first.
/// </summary>
/// <typeparam name="TValue">What the operation produces.</typeparam>
/// <typeparam name="TFailure">One reason for refusal, e.g. <c>Rejection</c>, <c>TargetSetError</c>.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "As NodaTime's ParseResult<T>.ForValue: the factories name both types once, and no argument could infer the failure type.")]
public sealed class Result<TValue, TFailure>
    where TValue : notnull
{
    private readonly TValue? _value;

    private Result(TValue? value, IReadOnlyList<TFailure> failures)
    {
        _value = value;
        Failures = failures;
    }

    /// <summary>Whether the operation produced its value; then <see cref="Failures"/> is empty.</summary>
    public bool Success => Failures.Count == 0;

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The operation was refused; the message lists every reason.</exception>
    public TValue Value => Success
        ? _value!
        : throw new InvalidOperationException(
            $"There is no value: refused for {Failures.Count} reason(s):{Environment.NewLine}{string.Join(Environment.NewLine, Failures)}");

    /// <summary>Every reason for refusal, in the order found; empty on success.</summary>
    public IReadOnlyList<TFailure> Failures { get; }

    /// <summary>The value, or an <see cref="InvalidOperationException"/> listing every reason (as <see cref="Value"/>).</summary>
    /// <exception cref="InvalidOperationException">The operation was refused.</exception>
    public TValue GetValueOrThrow() => Value;

    /// <summary>The value, when there is one.</summary>
    /// <param name="value">The value on success; default otherwise.</param>
    /// <returns>Whether the operation produced its value.</returns>
    public bool TryGetValue([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        value = _value;
        return Success;
    }

    /// <summary>A success carrying <paramref name="value"/>.</summary>
    public static Result<TValue, TFailure> Of(TValue value) =>
        new(value ?? throw new ArgumentNullException(nameof(value)), []);

    /// <summary>A refusal for at least one reason.</summary>
    /// <exception cref="ArgumentException"><paramref name="failures"/> is empty.</exception>
    public static Result<TValue, TFailure> Refused(IReadOnlyList<TFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return failures.Count == 0
            ? throw new ArgumentException("A refusal needs at least one reason.", nameof(failures))
            : new(default, failures);
    }

    /// <summary>A refusal for one reason.</summary>
    public static Result<TValue, TFailure> Refused(TFailure failure) => Refused([failure]);

    /// <inheritdoc/>
    public override string ToString() => Success ? $"Success: {_value}" : $"Refused: {string.Join("; ", Failures)}";
}
