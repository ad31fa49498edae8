using System.Text.Encodings.Web;
using System.Text.Json;

namespace Network.Hub.GraphQL;

/// <summary>
/// The try-it page: a query box, a variables box, a Run button and the formatted answer, with example queries.
/// Self-contained (inline style and script, no fonts, libraries or CDNs), so it works on a hub without internet.
/// </summary>
public static class TryItPage
{
    /// <summary>An example query on the page.</summary>
    /// <param name="Title">What it shows.</param>
    /// <param name="Query">The GraphQL document.</param>
    /// <param name="Variables">Its variables as JSON, or empty.</param>
    public sealed record Example(string Title, string Query, string Variables);

    /// <summary>The examples, first shown on load: a comparison of Trondheim with the synthetic demo cities.</summary>
    public static IReadOnlyList<Example> Examples { get; } =
    [
        new("Compare Trondheim with the demo cities", """
            query Compare($cities: [ID!]!, $period: Int!) {
              compare(cities: $cities, period: $period,
                      kpis: ["EC-ICT-ICT-1C", "EC-P-EM-1C", "EC-I-WS-3C", "EN-EN-AQ-2C"]) {
                targetSet
                cities { id name synthetic reported }
                rows {
                  kpiCode name unit direction reportingCount networkMedian
                  cells { cityId value percentOfTarget points band rank percentile quality verified }
                }
              }
            }
            """, """{ "cities": ["NO-5001", "NO-9901", "NO-9902", "NO-9903"], "period": 2020 }"""),
        new("A city's U4SSC scores", """
            {
              city(id: "NO-5001") {
                name
                scores(period: 2020) {
                  targetSet { name version }
                  dimensions { code name points maxPoints percentage band meanPercentile countedKpis }
                  kpis {
                    code points band percentile
                    values { dataPoint value unit percentOfTarget points rank reportingCount networkMedian explanation }
                  }
                }
              }
            }
            """, ""),
        new("A KPI's history (preliminary, final, corrections)", """
            query History($city: ID!, $kpi: String!) {
              city(id: $city) {
                name
                history(kpi: $kpi) {
                  period value unit current
                  snapshot { id status supersedes issuedAt receivedAt }
                }
              }
            }
            """, """{ "city": "NO-5001", "kpi": "EC-P-EM-1C" }"""),
        new("Values as published on a date", """
            query AsOf($asOf: DateTime) {
              city(id: "NO-5001") {
                values(period: 2020, asOf: $asOf) { kpiCode dataPoint value unit quality source }
              }
            }
            """, """{ "asOf": "2030-01-01T00:00:00Z" }"""),
        new("Cities and their snapshots", """
            {
              periods
              cities(first: 20) {
                id name population synthetic
                snapshots(first: 5) { id period status supersedes issuedAt receivedAt digest valueCount }
              }
            }
            """, ""),
        new("The KPI catalogue", """
            {
              catalogue {
                version kpiCount
                dimensions { code name subDimensions { code name categories {
                  code name kpis { code name unit { symbol } direction type dataPoints sdgs } } } }
              }
            }
            """, ""),
    ];

    private static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>The page as a result.</summary>
    public static IResult Result() => TypedResults.Content(Html, "text/html; charset=utf-8");

    /// <summary>The page.</summary>
    public static string Html { get; } = Render();

    private static string Render()
    {
        // The examples travel as JSON inside a script element; escaping '<' keeps "</script>" from ending it early.
        var examples = JsonSerializer.Serialize(Examples.Select(e => new { title = e.Title, query = e.Query, variables = e.Variables }),
            ScriptJson);
        return Template.Replace("/*EXAMPLES*/[]", examples, StringComparison.Ordinal);
    }

    private const string Template = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>GraphQL · Sustainability Network hub</title>
        <style>
          :root { color-scheme: light dark; --accent: #1d6b4f; --muted: #5d6972; --line: #dde2e5; --code: #f3f5f6; --bad: #b3261e; }
          @media (prefers-color-scheme: dark) { :root { --accent: #74d3a6; --muted: #9ea9b1; --line: #353d43; --code: #22292e; --bad: #f2b8b5; } }
          * { box-sizing: border-box; }
          body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; padding: 1.25rem; }
          header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; margin-bottom: 1rem; }
          h1 { font-size: 1.35rem; margin: 0; }
          header p { margin: 0; color: var(--muted); }
          a { color: var(--accent); }
          main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
          @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
          label { display: block; font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: .6rem 0 .25rem; }
          textarea, pre { width: 100%; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; border: 1px solid var(--line); border-radius: 6px; padding: .6rem; background: var(--code); color: inherit; }
          textarea { resize: vertical; }
          #query { height: 24rem; }
          #variables { height: 5rem; }
          pre { margin: 0; min-height: 30rem; max-height: 80vh; overflow: auto; white-space: pre-wrap; word-break: break-word; }
          .bar { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; margin-top: .6rem; }
          button { font: inherit; padding: .45rem 1.2rem; border-radius: 6px; border: 0; background: var(--accent); color: #fff; cursor: pointer; }
          @media (prefers-color-scheme: dark) { button { color: #0b1f17; } }
          select { font: inherit; padding: .35rem; border-radius: 6px; border: 1px solid var(--line); background: transparent; color: inherit; max-width: 100%; }
          #status { color: var(--muted); font-size: .85rem; }
          #status.bad { color: var(--bad); }
        </style>
        </head>
        <body>
        <header>
          <h1>GraphQL</h1>
          <p>POST <code>/graphql</code> · U4SSC KPIs, cities, signed snapshots, values, scores, comparisons · <a href="/">all endpoints</a></p>
        </header>
        <main>
          <section>
            <label for="examples">Example</label>
            <select id="examples"></select>
            <label for="query">Query</label>
            <textarea id="query" spellcheck="false" wrap="off"></textarea>
            <label for="variables">Variables (JSON)</label>
            <textarea id="variables" spellcheck="false"></textarea>
            <div class="bar"><button id="run" type="button">Run</button><span id="status">Ctrl+Enter runs the query.</span></div>
          </section>
          <section>
            <label for="result">Result</label>
            <pre id="result" tabindex="0"></pre>
          </section>
        </main>
        <script>
        (() => {
          const examples = /*EXAMPLES*/[];
          const $ = id => document.getElementById(id);
          const select = $("examples"), query = $("query"), variables = $("variables"), result = $("result"), status = $("status");
          examples.forEach((e, i) => select.add(new Option(e.title, String(i))));
          const show = i => { query.value = examples[i].query; variables.value = examples[i].variables; };
          select.addEventListener("change", () => show(Number(select.value)));
          show(0);
          async function run() {
            let vars = null;
            if (variables.value.trim()) {
              try { vars = JSON.parse(variables.value); }
              catch (e) { status.textContent = "The variables are not JSON: " + e.message; status.className = "bad"; return; }
            }
            status.textContent = "Running…"; status.className = "";
            const started = performance.now();
            try {
              const response = await fetch("/graphql", {
                method: "POST",
                headers: { "Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json;q=0.9" },
                body: JSON.stringify({ query: query.value, variables: vars })
              });
              const text = await response.text();
              let body;
              try { body = JSON.stringify(JSON.parse(text), null, 2); } catch { body = text; }
              result.textContent = body;
              const errors = (() => { try { return (JSON.parse(text).errors || []).length; } catch { return 0; } })();
              status.textContent = `HTTP ${response.status} · ${Math.round(performance.now() - started)} ms` + (errors ? ` · ${errors} error(s)` : "");
              status.className = response.ok && !errors ? "" : "bad";
            } catch (e) {
              status.textContent = "The request failed: " + e.message; status.className = "bad";
            }
          }
          $("run").addEventListener("click", run);
          document.addEventListener("keydown", e => { if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run(); } });
        })();
        </script>
        </body>
        </html>
        """;
}
