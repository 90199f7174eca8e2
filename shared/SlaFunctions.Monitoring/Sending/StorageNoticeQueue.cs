using SlaFunctions.Notices;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Queues;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>The notice queue when the app runs standalone: <see cref="NoticeJson"/>'s text on the Storage Queue, the
/// same body the Service Bus binding carries in Azure.</summary>
/// <param name="options">Names the queue and how to reach it.</param>
public sealed class StorageNoticeQueue(StorageOptions options) : StorageQueue(options), INoticeQueue;
