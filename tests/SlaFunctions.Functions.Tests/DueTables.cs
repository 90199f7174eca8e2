using Azure.Data.Tables;

namespace SlaFunctions.Functions.Tests;

/// <summary>Clean-up of the due index's tables: it keeps a table per day, each named after the setting.</summary>
internal static class DueTables
{
    /// <summary>Deletes the tables whose names start with <paramref name="name"/>: the due index's day tables
    /// (<c>name20260310</c>) and the table of that name alone, if any.</summary>
    public static async Task DeleteDueTablesAsync(this TableServiceClient service, string name)
    {
        var names = new List<string>();
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {name} and TableName lt {name + ":"}")))
        {
            names.Add(table.Name);
        }
        foreach (var table in names)
        {
            await service.DeleteTableAsync(table);
        }
    }
}
