// Email Communication Service with an Azure-managed domain, linked to a Communication Services resource that the
// app calls (POST {endpoint}/emails:send) with an Entra token for the user-assigned identity.
// The Azure-managed domain sends at most 5 emails a minute and 10 an hour and cannot get a higher quota. It is for
// trials; production needs a customer-managed domain, verified through SPF and DKIM, before it can be linked.

import { tagSet } from 'types.bicep'

@description('Name of the Email Communication Service.')
param emailServiceName string

@description('Name of the Communication Services resource; its endpoint is https://<name>.<region>.communication.azure.com.')
param communicationServiceName string

@description('Where both resources keep data at rest, e.g. Europe, United States, UK. Both must use the same one or the domain cannot be linked.')
param dataLocation string

@description('Tags for every resource.')
param tags tagSet

resource emailService 'Microsoft.Communication/emailServices@2026-03-18' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2026-03-18' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2026-03-18' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      managedDomain.id
    ]
    // Access keys off: the only way to send is an Entra token for an identity that holds the email role.
    disableLocalAuth: true
  }
}

@description('Name of the Communication Services resource.')
output communicationServiceName string = communicationService.name

@description('Endpoint for the email REST API, without a trailing slash.')
output endpoint string = 'https://${communicationService.properties.hostName}'

@description('The managed domain\'s MailFrom address, DoNotReply@<guid>.azurecomm.net.')
output senderAddress string = 'DoNotReply@${managedDomain.properties.mailFromSenderDomain}'
