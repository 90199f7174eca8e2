using NodaTime;

namespace SlaFunctions.Notices.Email;

/// <summary>Writes each email as a <c>.eml</c> file into a folder: the local default, for reading what would have
/// been sent, or for a mail server's pickup directory.</summary>
/// <remarks>The file's name comes from the message id, so a message already in the folder is not written again.
/// Each file is written under a temporary name and then moved into place, so a reader never sees half a
/// message.</remarks>
public sealed class PickupFolderSender : IEmailTransport
{
    private readonly string _folder;
    private readonly IClock _clock;

    /// <summary>Creates the sender.</summary>
    /// <param name="folder">The folder; created on the first send if missing.</param>
    /// <param name="clock">Gives each message its Date header.</param>
    public PickupFolderSender(string folder, IClock clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(clock);
        _folder = folder;
        _clock = clock;
    }

    /// <summary>The file a message goes to (whether or not it exists yet).</summary>
    public string FileFor(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Path.Combine(_folder, EmailIds.FileName(message.Id));
    }

    /// <inheritdoc/>
    /// <remarks>Does nothing when the message's file already exists: it was sent before.</remarks>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var file = FileFor(message);
        if (File.Exists(file))
        {
            return;
        }
        var mime = EmailMime.From(message, _clock.GetCurrentInstant());
        var temporary = Path.Combine(_folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(_folder);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await mime.WriteToAsync(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another sender moved the same message into place first: it is sent.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EmailTransientException($"Could not write {file}: {ex.Message}", ex);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
