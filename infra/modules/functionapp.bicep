// The Flex Consumption plan and the function app that runs the SlaFunctions executable as a custom handler.
// Flex traps handled here:
// - The runtime comes from functionAppConfig.runtime (custom 1.0). FUNCTIONS_WORKER_RUNTIME,
//   FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE, WEBSITE_CONTENT* and WEBSITE_TIME_ZONE are not
//   supported on Flex and must not be set.
// - No WEBSITE_TIME_ZONE means every timer schedule runs in UTC.
// - The package comes from a blob container the platform reads as the user-assigned identity, so that identity
//   needs Storage Blob Data Owner before the app starts (main.bicep deploys roles first).

import { hookEndpoint, tagSet, webhookConnection } from 'types.bicep'

@description('Azure region of the plan and the app.')
param location string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app; also its host name, <name>.azurewebsites.net.')
param appName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Storage account for host storage (AzureWebJobsStorage).')
param storageAccountName string

@description('Table endpoint the app keeps SLA state in.')
param tableEndpoint string

@description('URL of the blob container the app package is deployed to.')
param deploymentContainerUrl string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Service Bus host name, <namespace>.servicebus.windows.net.')
param serviceBusFullyQualifiedNamespace string

@description('Communication Services endpoint for email.')
param acsEndpoint string

@description('MailFrom address of the linked email domain.')
param emailSender string

@description('Key Vault URI with a trailing slash.')
param keyVaultUri string

@description('Webhook senders; each gets Key Vault references to its current and previous secret.')
param webhookConnections webhookConnection[]

@description('Receivers of outbound SLA webhooks; each gets Key Vault references to its URL and its current and previous secret.')
param hookEndpoints hookEndpoint[]

@description('NCRONTAB schedule of the sweep, six fields, in UTC.')
param sweepSchedule string

@description('Most instances the app scales out to (40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
param instanceMemoryMB 512 | 2048 | 4096

@description('Instances kept warm for HTTP functions, so a webhook never waits for a cold start; 0 for none.')
@minValue(0)
param alwaysReadyHttpInstances int

@description('Spread the plan across availability zones (the region must support it for Flex).')
param zoneRedundant bool

@description('Tags for every resource.')
param tags tagSet

// The identity's credentials, shared by every identity-based connection.
var identityConnection = {
  credential: 'managedidentity'
  clientId: identityClientId
}

// Webhooks__Connections__<name>__Secrets__0 is the current secret and __1 the previous one, so a sender can be
// moved to a new secret while deliveries signed with the old one are still accepted. A versionless reference
// follows the latest version of the secret.
var webhookSettings = flatten(map(webhookConnections, connection => [
  {
    name: 'Webhooks__Connections__${connection.name}__Source'
    value: connection.source
  }
  {
    name: 'Webhooks__Connections__${connection.name}__Policy'
    value: connection.policy
  }
  {
    name: 'Webhooks__Connections__${connection.name}__Secrets__0'
    value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/webhook-${connection.name}-current/)'
  }
  {
    name: 'Webhooks__Connections__${connection.name}__Secrets__1'
    value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/webhook-${connection.name}-previous/)'
  }
]))

// Hooks__Endpoints__<name>__Secrets__0 signs every delivery and __1 signs it too, so a receiver can move to a new
// secret while both signatures arrive; with nothing to rotate, previous holds the same value as current (signed once).
// The URL is a Key Vault reference as well: a chat tool's webhook URL is often a credential in itself.
var hookSettings = flatten(map(hookEndpoints, endpoint => concat(
  [
    {
      name: 'Hooks__Endpoints__${endpoint.name}__Url'
      value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/hook-${endpoint.name}-url/)'
    }
    {
      name: 'Hooks__Endpoints__${endpoint.name}__Secrets__0'
      value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/hook-${endpoint.name}-current/)'
    }
    {
      name: 'Hooks__Endpoints__${endpoint.name}__Secrets__1'
      value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/hook-${endpoint.name}-previous/)'
    }
  ],
  map(range(0, length(endpoint.?policies ?? [])), i => {
    name: 'Hooks__Endpoints__${endpoint.name}__Policies__${i}'
    value: endpoint.policies![i]
  }),
  map(range(0, length(endpoint.?connections ?? [])), i => {
    name: 'Hooks__Endpoints__${endpoint.name}__Connections__${i}'
    value: endpoint.connections![i]
  })
)))

var appSettings = concat(
  [
    // Host storage by identity: no AzureWebJobsStorage connection string, no account key.
    {
      name: 'AzureWebJobsStorage__accountName'
      value: storageAccountName
    }
    {
      name: 'AzureWebJobsStorage__credential'
      value: identityConnection.credential
    }
    {
      name: 'AzureWebJobsStorage__clientId'
      value: identityConnection.clientId
    }
    // The escalations trigger and output use "connection": "ServiceBusConnection" in function.json.
    {
      name: 'ServiceBusConnection__fullyQualifiedNamespace'
      value: serviceBusFullyQualifiedNamespace
    }
    {
      name: 'ServiceBusConnection__credential'
      value: identityConnection.credential
    }
    {
      name: 'ServiceBusConnection__clientId'
      value: identityConnection.clientId
    }
    {
      name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
      value: appInsightsConnectionString
    }
    // Local auth is off on the component, so the host sends telemetry with a token for this identity.
    {
      name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
      value: 'Authorization=AAD;ClientId=${identityClientId}'
    }
    {
      name: 'Storage__ClientId'
      value: identityClientId
    }
    {
      name: 'Sla__PoliciesPath'
      value: 'policies'
    }
    {
      name: 'Storage__TableEndpoint'
      value: tableEndpoint
    }
    {
      name: 'Email__Transport'
      value: 'acs'
    }
    {
      name: 'Email__Acs__Endpoint'
      value: acsEndpoint
    }
    {
      name: 'Email__Acs__ClientId'
      value: identityClientId
    }
    {
      name: 'Email__From'
      value: emailSender
    }
    {
      name: 'Sweep__Schedule'
      value: sweepSchedule
    }
  ],
  webhookSettings,
  hookSettings
)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve as this identity; without it the platform would try a system identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: appSettings
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyHttpInstances > 0
          ? [
              {
                name: 'http'
                instanceCount: alwaysReadyHttpInstances
              }
            ]
          : []
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

// Deployments authenticate with Entra tokens (az CLI, Core Tools); publishing-profile passwords stay off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

@description('Name of the function app.')
output name string = app.name

@description('Default host name, <name>.azurewebsites.net.')
output defaultHostName string = app.properties.defaultHostName
