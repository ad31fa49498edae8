using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Catalogue;
using Network.Hub.Storage;

namespace Network.Hub.OData;

/// <summary>
/// The KPI catalogue as a table the database can join, so that <c>$filter=Kpi/Dimension eq 'Environment'</c> or
/// <c>$apply=groupby((Kpi/Category),...)</c> on stored values runs in SQL. The catalogue is not stored (it ships with
/// the hub): its 91 rows are written into the query as a constant <c>SELECT ... UNION ALL ...</c>, built once per
/// provider, so nothing needs a migration and the rows always match the catalogue the hub validates against.
/// </summary>
public static class KpiTable
{
    private static readonly Lazy<string> SqliteSql = new(() => Build(KpiCatalogue.Default, unicodePrefix: ""));
    private static readonly Lazy<string> SqlServerSql = new(() => Build(KpiCatalogue.Default, unicodePrefix: "N"));

    /// <summary>The catalogue's rows as a query of <paramref name="db"/>'s provider.</summary>
    public static IQueryable<KpiRow> Query(NetworkDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.Database.IsSqlServer() ? SqlServerSql.Value : SqliteSql.Value;
        return db.Database.SqlQueryRaw<KpiRow>(sql);
    }

    private static string Build(KpiCatalogue catalogue, string unicodePrefix)
    {
        var sql = new StringBuilder();
        foreach (var row in catalogue.All.Select(KpiRow.From))
        {
            sql.Append(sql.Length == 0 ? "SELECT " : " UNION ALL SELECT ");
            Column(row.Code, nameof(KpiRow.Code), first: true);
            Column(row.OfficialCode, nameof(KpiRow.OfficialCode));
            Column(row.Name, nameof(KpiRow.Name));
            Column(row.Dimension, nameof(KpiRow.Dimension));
            Column(row.SubDimension, nameof(KpiRow.SubDimension));
            Column(row.CategoryCode, nameof(KpiRow.CategoryCode));
            Column(row.Category, nameof(KpiRow.Category));
            Column(row.Unit, nameof(KpiRow.Unit));
            Column(row.DataPoints, nameof(KpiRow.DataPoints));
            Column(row.Type, nameof(KpiRow.Type));
            Column(row.Direction, nameof(KpiRow.Direction));
        }

        return sql.ToString();

        // Literals, not parameters: the text is the hub's own catalogue, never a client's input, and SQL Server
        // would otherwise need ~1,000 parameters. Quotes are doubled, the one escape standard SQL strings need.
        void Column(string value, string name, bool first = false) =>
            sql.Append(CultureInfo.InvariantCulture, $"{(first ? "" : ", ")}{unicodePrefix}'{value.Replace("'", "''", StringComparison.Ordinal)}' AS \"{name}\"");
    }
}
