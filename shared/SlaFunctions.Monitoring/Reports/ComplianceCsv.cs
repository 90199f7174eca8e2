using System.Globalization;
using System.Text;

namespace SlaFunctions.Monitoring.Reports;

/// <summary>A compliance report as CSV (RFC 4180): a header line, then one line per row.</summary>
public static class ComplianceCsv
{
    /// <summary>The header's columns.</summary>
    public const string Header = "policy,group,target,cases,met,breached,pending,percentMet,timed,medianOpenTime,p90OpenTime";

    /// <summary>The whole file, lines ending in CRLF.</summary>
    public static string Write(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var r in report.Rows)
        {
            string[] cells =
            [
                r.PolicyId, r.Group, r.Target, Number(r.Cases), Number(r.Met), Number(r.Breached), Number(r.Pending),
                r.PercentMet?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", Number(r.Timed), r.MedianOpenTime ?? "", r.P90OpenTime ?? "",
            ];
            csv.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // A customer name may hold a comma or a quote; a leading = + - @ would be read as a formula by a spreadsheet.
    private static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@')
        {
            cell = "'" + cell;
        }
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
