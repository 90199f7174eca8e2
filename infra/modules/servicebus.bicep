// Service Bus namespace and the escalations queue that carries notices from the sweep to the sender.
// Standard tier. SAS keys are off; senders and receivers use Entra tokens. No duplicate detection: the sweep's output
// binding sets the message body only, so every message gets a new MessageId and the broker would never match one;
// exactly-once comes from the outbox and the sender's per-recipient claims in Table Storage (README, Notices).

import { tagSet } from 'types.bicep'

@description('Azure region of the namespace.')
param location string

@description('Namespace name: 6-50 letters, digits and hyphens, unique in Azure.')
@minLength(6)
@maxLength(50)
param namespaceName string

@description('Name of the queue the sweep sends notices to.')
param queueName string

@description('Deliveries before a message moves to the dead-letter queue. The Functions host abandons a failed message and it comes back at once, with no backoff, so extra tries buy little time.')
@minValue(1)
@maxValue(100)
param maxDeliveryCount int


@description('Tags for every resource.')
param tags tagSet

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2026-01-01' = {
  parent: namespace
  name: queueName
  properties: {
    lockDuration: 'PT1M'
    maxDeliveryCount: maxDeliveryCount
    // Fixed when the queue is created: a queue made by an earlier template with it on must be recreated.
    requiresDuplicateDetection: false
    requiresSession: false
    defaultMessageTimeToLive: 'P14D'
    deadLetteringOnMessageExpiration: true
    enableBatchedOperations: true
    enablePartitioning: false
    maxSizeInMegabytes: 1024
  }
}

@description('Name of the namespace.')
output namespaceName string = namespace.name

@description('Host name of the namespace, <name>.servicebus.windows.net, for ServiceBusConnection__fullyQualifiedNamespace.')
// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/; taking the host from it keeps other clouds right.
output fullyQualifiedNamespace string = split(
  split(split(namespace.properties.serviceBusEndpoint, '//')[1], '/')[0],
  ':'
)[0]

@description('Name of the queue.')
output queueName string = queue.name
