namespace Network.Contracts.Csv;

/// <summary>How a CSV record breaks the quoting rules of RFC 4180. The record is still read, as well as it can be.</summary>
public enum CsvFault
{
    /// <summary>A quote inside a field that does not start with one (<c>the "green" plan</c>).</summary>
    StrayQuote,

    /// <summary>Text after the closing quote of a quoted field (<c>"green" plan</c>).</summary>
    TextAfterClosingQuote,

    /// <summary>A quoted field that is never closed, so it runs to the end of the text.</summary>
    UnterminatedQuote,

    /// <summary>Any other breach of the quoting rules.</summary>
    Other,
}
