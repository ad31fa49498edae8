namespace Network.Node.Workspace.Templates;

/// <summary>The file formats a value template can be written in; both import the same way.</summary>
public enum TemplateFormat
{
    /// <summary>CSV (RFC 4180), UTF-8 with a byte-order mark so that Excel reads the characters right.</summary>
    Csv,

    /// <summary>An Excel workbook: the rows on a sheet named <c>Values</c>, instructions on a second sheet.</summary>
    Xlsx,
}
