using System.Text;

namespace SlaFunctions.Notices.Email;

/// <summary>The local default transport: each email is an <c>.eml</c> file in a pickup folder, which a mail client can
/// open and a mail server's pickup service can send. The file is named from the message id and written whole (to a
/// temporary name, then moved), so the same message twice is one file.</summary>
public sealed class PickupFolderSender : IEmailTransport
{
    private readonly string _folder;
    private readonly TimeProvider _time;

    /// <summary>Writes to <paramref name="folder"/>, created if missing.</summary>
    public PickupFolderSender(string folder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = folder;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The file <paramref name="message"/> is written to.</summary>
    public string PathOf(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var readable = new string([.. message.To.Take(40).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
        return Path.Combine(_folder, $"{EmailMime.Hash(message.Id)}-{readable}.eml");
    }

    /// <inheritdoc/>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var path = PathOf(message);
        if (File.Exists(path))
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(_folder);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var mime = EmailMime.From(message, _time.GetUtcNow()))
            {
                await mime.WriteToAsync(temporary, cancellationToken).ConfigureAwait(false);
            }
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another sender wrote the same message first: one file, as wanted.
                File.Delete(temporary);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EmailTransientException($"Cannot write to the pickup folder {_folder}: {ex.Message}", ex);
        }
    }
}
