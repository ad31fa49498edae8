using System.CommandLine;
using Network.Node.Cli;
using Network.Node.Workspace;
using Network.Node.Workspace.Verification;

namespace Network.Node.Commands;

/// <summary><c>answer TEXT --kpi X [--data-point Y] --verifier V [--period YEAR]</c>: the city's answer to a verifier's question.</summary>
internal static class AnswerCommand
{
    public static Command Create(Terminal terminal)
    {
        var text = new Argument<string>("TEXT") { Description = "The answer (1 to 4,000 characters); quote it." };
        var kpi = new Option<string>("--kpi") { Description = "The KPI code of the value asked about, e.g. EN-EN-AQ-2C.", Required = true };
        var dataPoint = new Option<string?>("--data-point") { Description = "Its data point, for KPIs reported in parts (e.g. 4G)." };
        var verifier = new Option<string>("--verifier") { Description = "The verifier who asked, e.g. demo-verifier.", Required = true };
        var period = new Option<int?>("--period") { Description = "The reporting year; needed only when the verifier has open questions about the value in several years.", HelpName = "YEAR" };
        var command = new Command("answer", "Answer a verifier's question about one of the city's values (`questions` lists them).")
        {
            text, kpi, dataPoint, verifier, period,
        };
        command.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            if (node.Settings.VerifierId is not null)
            {
                throw new NodeSetupException("This is a verifier's workspace: the city answers from its own node.");
            }

            using var hub = node.OpenHubSession();
            var (kpiCode, point, verifierId) = (result.GetValue(kpi)!.Trim(), result.GetValue(dataPoint)?.Trim(), result.GetValue(verifier)!.Trim());
            try
            {
                var (answer, failure) = await new QuestionDesk(node.Settings.CityId, hub)
                    .AnswerAsync(result.GetValue(period), kpiCode, string.IsNullOrEmpty(point) ? null : point, verifierId, result.GetValue(text)!, ct);
                if (failure is not null)
                {
                    terminal.Fail(failure);
                    return ExitCodes.Failed;
                }

                await terminal.Out.WriteLineAsync($"Answered {verifierId}'s question about {QuestionDesk.Describe(kpiCode, string.IsNullOrEmpty(point) ? null : point)} (message {answer}). The verifier reads it in the thread.");
                return ExitCodes.Ok;
            }
            catch (HubCallException e)
            {
                terminal.Fail(e.Message);
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
