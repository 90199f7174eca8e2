// Key Vault in RBAC mode for the webhook signing secrets. The template creates no secrets and holds no secret
// values: an operator sets them (see the deployment notes), and app settings point at them with Key Vault
// references that the platform resolves as the user-assigned identity.

import { tagSet } from 'types.bicep'

@description('Azure region of the vault.')
param location string

@description('Vault name: 3-24 letters, digits and hyphens, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Days a deleted secret or vault can be recovered. Fixed once the vault exists.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Whether deleted secrets are kept for the whole retention period even from purge. Once on, it cannot be turned off.')
param purgeProtection bool

@description('Tags for every resource.')
param tags tagSet

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service rejects false; leaving the property out is how to say "off".
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Vault URI with a trailing slash: https://<name>.vault.azure.net/.')
output uri string = vault.properties.vaultUri
