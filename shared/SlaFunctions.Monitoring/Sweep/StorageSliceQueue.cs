using SlaFunctions.Storage;
using SlaFunctions.Storage.Queues;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>The slice queue when the app runs standalone: slice ids on the Storage Queue
/// <see cref="StorageOptions.SliceQueueName"/>, read by every instance's slice listener.</summary>
/// <param name="options">Names the queue and how to reach it.</param>
public sealed class StorageSliceQueue(StorageOptions options) : StorageQueue(options, options?.SliceQueueName!), ISliceQueue;
