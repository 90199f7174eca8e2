// Every role the app's user-assigned identity holds, each scoped to the one resource it is for, plus an optional
// Key Vault Secrets Officer assignment for the people who set and rotate webhook secrets.

import { emailSenderRole } from 'types.bicep'

@description('Resource id of the user-assigned identity; names the assignments so that they are stable across deployments.')
param identityId string

@description('Principal (object) id of the user-assigned identity.')
param principalId string

@description('Storage account: host storage, deployment container, SLA tables and queues.')
param storageAccountName string

@description('Service Bus namespace that holds the escalations queue.')
param serviceBusNamespaceName string

@description('The escalations queue: the sweep sends to it, the sender function receives from it.')
param serviceBusQueueName string

@description('Key Vault that holds the webhook secrets.')
param keyVaultName string

@description('Application Insights component the app sends telemetry to with Entra auth.')
param appInsightsName string

@description('Communication Services resource the app sends email through.')
param communicationServiceName string

@description('customRole: a role with only the three actions email sending checks. contributor: the built-in Contributor role on the Communication Services resource, for deployers who may create role assignments but not role definitions.')
param emailRole emailSenderRole

@description('Optional principal (a group, best) that may set and rotate webhook secrets; empty for none.')
param vaultOperatorPrincipalId string

@description('Kind of principal in vaultOperatorPrincipalId.')
param vaultOperatorPrincipalType 'User' | 'Group' | 'ServicePrincipal'

// Built-in role definition ids (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
}

// Blob Data Owner is the host's minimum for AzureWebJobsStorage (timer and singleton locks) and lets the platform
// read the package from the deployment container; Table and Queue Data Contributor are for the SLA data.
var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageTableDataContributor
  roles.storageQueueDataContributor
]

var serviceBusRoles = [
  roles.serviceBusDataSender
  roles.serviceBusDataReceiver
]

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource serviceBusNamespace 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: serviceBusNamespaceName
}

resource serviceBusQueue 'Microsoft.ServiceBus/namespaces/queues@2026-01-01' existing = {
  parent: serviceBusNamespace
  name: serviceBusQueueName
}

resource keyVault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource communicationService 'Microsoft.Communication/communicationServices@2026-03-18' existing = {
  name: communicationServiceName
}

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storageAccount.id, identityId, roleId)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      // Set so that ARM does not look the new identity up in Entra, which can fail while it replicates.
      principalType: 'ServicePrincipal'
    }
  }
]

// Scoped to the queue, not the namespace. Without Manage rights the scale controller cannot read the queue
// length and logs "unauthorized" while checking it; scaling still works, only less precisely.
resource serviceBusAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in serviceBusRoles: {
    name: guid(serviceBusQueue.id, identityId, roleId)
    scope: serviceBusQueue
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identityId, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identityId, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roles.monitoringMetricsPublisher
    )
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// The three actions the email service checks for an Entra caller (Communication Services docs, "Use a custom role
// to limit permissions"). Role names are unique per tenant, so the resource group's id goes into this one.
var emailSenderDefinitionName = guid(resourceGroup().id, 'slafunctions-email-sender')

resource emailSenderDefinition 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (emailRole == 'customRole') {
  name: emailSenderDefinitionName
  properties: {
    roleName: 'SlaFunctions Email Sender (${resourceGroup().name}, ${uniqueString(resourceGroup().id)})'
    description: 'Send email through the Communication Services resources of one SlaFunctions resource group.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Communication/CommunicationServices/Read'
          'Microsoft.Communication/CommunicationServices/Write'
          'Microsoft.Communication/EmailServices/write'
        ]
        notActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

// A definition created in a resource group still has a subscription-level id, which is the form an assignment
// accepts, so the id is built here rather than taken from emailSenderDefinition.id.
var emailRoleDefinitionId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  emailRole == 'customRole' ? emailSenderDefinitionName : roles.contributor
)

// The role choice is part of the name: an assignment's role cannot be changed in place.
resource emailSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, identityId, emailRole)
  scope: communicationService
  properties: {
    roleDefinitionId: emailRoleDefinitionId
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
  dependsOn: [
    emailSenderDefinition
  ]
}

resource vaultOperator 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultOperatorPrincipalId)) {
  name: guid(keyVault.id, vaultOperatorPrincipalId, roles.keyVaultSecretsOfficer)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: vaultOperatorPrincipalId
    principalType: vaultOperatorPrincipalType
  }
}
