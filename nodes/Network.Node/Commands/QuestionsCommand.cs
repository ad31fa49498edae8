using System.CommandLine;
using System.Globalization;
using Network.Node.Cli;
using Network.Node.Workspace;
using Network.Node.Workspace.Verification;

namespace Network.Node.Commands;

/// <summary><c>questions [--period YEAR] [--all]</c>: the verifiers' questions about the city's values, from the hub.</summary>
internal static class QuestionsCommand
{
    public static Command Create(Terminal terminal)
    {
        var period = new Option<int?>("--period") { Description = "Only the questions about this reporting year.", HelpName = "YEAR" };
        var all = new Option<bool>("--all") { Description = "Also the threads already answered." };
        var command = new Command("questions", "List the verifiers' open questions about the city's values (members-only threads at the hub); answer them with `answer`.")
        {
            period, all,
        };
        command.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            if (node.Settings.VerifierId is not null)
            {
                throw new NodeSetupException("This is a verifier's workspace: a city's node reads its questions. A verifier reads its threads with the city's id at GET /api/cities/{cityId}/questions.");
            }

            using var hub = node.OpenHubSession();
            CityThreadList list;
            try
            {
                list = await new QuestionDesk(node.Settings.CityId, hub).ListAsync(result.GetValue(period), ct);
            }
            catch (HubCallException e)
            {
                terminal.Fail(e.Message);
                return ExitCodes.Failed;
            }

            var shown = list.Threads.Where(t => result.GetValue(all) || t.Open).ToList();
            var open = list.Threads.Count(t => t.Open);
            await terminal.Out.WriteLineAsync(open == 0
                ? $"No open question for {node.Settings.CityId}{(list.Threads.Count == 0 ? "" : $" ({list.Threads.Count} thread(s) answered; --all shows them)")}."
                : $"{open} open question{(open == 1 ? "" : "s")} for {node.Settings.CityId}:");
            foreach (var thread in shown)
            {
                await terminal.Out.WriteLineAsync();
                await terminal.Out.WriteLineAsync($"{thread.Period}  {QuestionDesk.Describe(thread.Kpi, thread.DataPoint)}  with {thread.VerifierId}  {(thread.Open ? "OPEN" : "answered")}");
                foreach (var message in thread.Messages)
                {
                    var when = message.PostedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                    await terminal.Out.WriteLineAsync($"  {when}  {(message.Author == "city" ? "city" : "verifier")}: {message.Text}");
                }

                if (thread.Open)
                {
                    var dataPoint = thread.DataPoint is null ? "" : $" --data-point {Shell.Quote(thread.DataPoint)}";
                    await terminal.Out.WriteLineAsync($"  answer: answer --kpi {thread.Kpi}{dataPoint} --verifier {thread.VerifierId} --period {thread.Period} \"...\"");
                }
            }

            if (list.Truncated)
            {
                await terminal.Out.WriteLineAsync();
                await terminal.Out.WriteLineAsync("The hub listed only the newest messages: ask per year with --period for the rest.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
