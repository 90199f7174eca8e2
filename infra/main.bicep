// SlaFunctions on Azure: one ASP.NET Core Native AOT executable running as an Azure Functions custom handler on the
// Flex Consumption plan, with one user-assigned identity for every connection and no keys or connection strings
// in app settings. Deploy into an existing resource group:
//   az deployment group create -g <rg> -f infra/main.bicep -p @infra/main.parameters.json
// Check locally with: bash eng/bicep/check.sh

metadata description = 'SlaFunctions: Flex Consumption function app, storage, Service Bus, email, Key Vault and monitoring.'

import { emailSenderRole, hookEndpoint, tagSet, webhookConnection } from 'modules/types.bicep'

@description('Short environment name, part of every resource name.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string

@description('Azure region for everything except the email resources, which are global. The region must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Prefix of resource names: 2-8 lowercase letters and digits (it also goes into the storage account name).')
@minLength(2)
@maxLength(8)
param namePrefix string = 'slafn'

@description('Where email data is kept at rest, e.g. Europe, United States, UK.')
param emailDataLocation string = 'Europe'

@description('customRole (least privilege, needs the right to create role definitions) or contributor on the Communication Services resource.')
param emailRole emailSenderRole = 'customRole'

@description('Webhook senders. Each gets https://<app>/api/webhooks/<name> and two Key Vault secrets, webhook-<name>-current and webhook-<name>-previous.')
param webhookConnections webhookConnection[]

@description('Receivers of outbound SLA webhooks (target changes as signed CloudEvents). Each needs three Key Vault secrets before the app starts: hook-<name>-url, hook-<name>-current and hook-<name>-previous.')
param hookEndpoints hookEndpoint[] = []

@description('Sweep schedule (NCRONTAB, six fields). Flex Consumption ignores WEBSITE_TIME_ZONE, so this is UTC.')
param sweepSchedule string = '*/2 * * * * *'

@description('Most instances the app may scale out to (Flex: 40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB.')
param instanceMemoryMB 512 | 2048 | 4096 = 512

@description('Instances kept warm for HTTP functions. Zendesk gives a webhook about 10 s, so production keeps one.')
@minValue(0)
@maxValue(20)
param alwaysReadyHttpInstances int = 0

@description('Spread the plan across availability zones (needs a region where Flex supports it).')
param zoneRedundant bool = false

@description('Redundancy of the storage account.')
param storageSku 'Standard_LRS' | 'Standard_ZRS' = 'Standard_LRS'

@description('Tables created up front; the app creates any others it needs.')
param tableNames string[] = [
  'cases'
  'deliveries'
  'notices'
]

@description('Storage queues created up front.')
param queueNames string[] = [
  'case-events'
  // The sweep's slices, from the sweep function's output binding to the sweep-slice function's trigger.
  'sweep-slices'
]

@description('Deliveries of one escalation message before it is dead-lettered.')
@minValue(1)
@maxValue(100)
param escalationsMaxDeliveryCount int = 5


@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Days a deleted secret can be recovered. Fixed once the vault exists.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 7

@description('Key Vault purge protection. Cannot be turned off again; use it in production.')
param keyVaultPurgeProtection bool = false

@description('Optional principal (a group, best) that gets Key Vault Secrets Officer to set and rotate webhook secrets; empty for none.')
param vaultOperatorPrincipalId string = ''

@description('Kind of principal in vaultOperatorPrincipalId.')
param vaultOperatorPrincipalType 'User' | 'Group' | 'ServicePrincipal' = 'Group'

@description('Email addresses told when the sweep lags, a notice turns poison or webhooks fail (alerts.bicep); empty for an action group without receivers.')
param alertEmails string[] = []

@description('Extra tags for every resource.')
param tags tagSet = {}

var allTags = union(tags, {
  app: 'slafunctions'
  environment: environmentName
})

// Six characters from the subscription and resource group make the globally unique names (app, storage,
// vault, namespace) repeatable for one resource group and distinct across them.
var token = take(uniqueString(subscription().id, resourceGroup().id, environmentName), 6)
var baseName = '${namePrefix}-${environmentName}-${token}'
var names = {
  identity: 'id-${baseName}'
  workspace: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  storage: 'st${namePrefix}${environmentName}${token}'
  serviceBus: 'sb-${baseName}'
  emailService: 'ecs-${baseName}'
  communicationService: 'acs-${baseName}'
  keyVault: 'kv-${baseName}'
  plan: 'plan-${baseName}'
  app: 'func-${baseName}'
}
var deploymentContainerName = 'app-package'
var escalationsQueueName = 'escalations'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
  tags: allTags
}

module monitoring 'modules/monitoring.bicep' = {
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
    tags: allTags
  }
}

module alerts 'modules/alerts.bicep' = {
  params: {
    location: location
    appInsightsId: monitoring.outputs.appInsightsId
    namePrefix: '${namePrefix}-${environmentName}'
    alertEmails: alertEmails
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  params: {
    location: location
    name: names.storage
    skuName: storageSku
    deploymentContainerName: deploymentContainerName
    tableNames: tableNames
    queueNames: queueNames
    tags: allTags
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  params: {
    location: location
    namespaceName: names.serviceBus
    queueName: escalationsQueueName
    maxDeliveryCount: escalationsMaxDeliveryCount
    tags: allTags
  }
}

module email 'modules/email.bicep' = {
  params: {
    emailServiceName: names.emailService
    communicationServiceName: names.communicationService
    dataLocation: emailDataLocation
    tags: allTags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  params: {
    location: location
    name: names.keyVault
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    purgeProtection: keyVaultPurgeProtection
    tags: allTags
  }
}

module roles 'modules/roles.bicep' = {
  params: {
    identityId: identity.id
    principalId: identity.properties.principalId
    // Names, not module outputs, so that what-if can predict the assignments; dependsOn orders the deployment.
    storageAccountName: names.storage
    serviceBusNamespaceName: names.serviceBus
    serviceBusQueueName: escalationsQueueName
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
    communicationServiceName: names.communicationService
    emailRole: emailRole
    vaultOperatorPrincipalId: vaultOperatorPrincipalId
    vaultOperatorPrincipalType: vaultOperatorPrincipalType
  }
  dependsOn: [
    storage
    serviceBus
    keyVault
    monitoring
    email
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  params: {
    location: location
    planName: names.plan
    appName: names.app
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    acsEndpoint: email.outputs.endpoint
    emailSender: email.outputs.senderAddress
    keyVaultUri: keyVault.outputs.uri
    webhookConnections: webhookConnections
    hookEndpoints: hookEndpoints
    sweepSchedule: sweepSchedule
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    zoneRedundant: zoneRedundant
    tags: allTags
  }
  // The app reads its package and host storage as the identity on first start, so the roles must exist first.
  dependsOn: [
    roles
  ]
}

var appUrl = 'https://${functionApp.outputs.defaultHostName}'
var webhookUrlBase = '${appUrl}/api/webhooks/'

@description('Name of the function app.')
output functionAppName string = functionApp.outputs.name

@description('Base URL of the function app.')
output functionAppUrl string = appUrl

@description('Webhook URL base; append a connection name.')
output webhookUrlBase string = webhookUrlBase

@description('The webhook URL of each connection, by connection name.')
output webhookUrls { *: string } = toObject(
  webhookConnections,
  connection => connection.name,
  connection => '${webhookUrlBase}${connection.name}'
)

@description('Key Vault that holds the webhook secrets.')
output keyVaultName string = keyVault.outputs.name

@description('Secret names to set in the vault before the first delivery: current and previous for each connection.')
output webhookSecretNames string[] = flatten(map(webhookConnections, connection => [
  'webhook-${connection.name}-current'
  'webhook-${connection.name}-previous'
]))

@description('Secret names to set in the vault before the app starts: the URL and the current and previous secret of each hook endpoint.')
output hookSecretNames string[] = flatten(map(hookEndpoints, endpoint => [
  'hook-${endpoint.name}-url'
  'hook-${endpoint.name}-current'
  'hook-${endpoint.name}-previous'
]))

@description('Storage account name (host storage, tables, deployment container).')
output storageAccountName string = storage.outputs.name

@description('Blob container the app package is published to.')
output deploymentContainerUrl string = storage.outputs.deploymentContainerUrl

@description('Service Bus namespace.')
output serviceBusNamespace string = serviceBus.outputs.namespaceName

@description('Escalations queue; its dead letters are at escalations/$deadletterqueue.')
output escalationsQueue string = serviceBus.outputs.queueName

@description('Application Insights component.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Resource id of the action group the operator alerts notify.')
output alertActionGroupId string = alerts.outputs.actionGroupId

@description('Address notices are sent from.')
output emailSender string = email.outputs.senderAddress

@description('Client id of the user-assigned identity the app runs as.')
output identityClientId string = identity.properties.clientId
