// Log Analytics workspace and a workspace-based Application Insights component. Local (key) auth is off on the
// component, so telemetry is accepted only with an Entra token: the app sends it as the user-assigned identity
// (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), which needs Monitoring Metrics Publisher (roles.bicep).

import { tagSet } from 'types.bicep'

@description('Azure region of both resources.')
param location string

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Days the workspace keeps logs; 30 is included in the ingestion price.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags for every resource.')
param tags tagSet

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name

@description('Resource id of the Application Insights component.')
output appInsightsId string = appInsights.id

@description('Connection string of the component. It holds an instrumentation key, which is an identifier, not a credential: with local auth off, ingestion also needs an Entra token.')
output appInsightsConnectionString string = appInsights.properties.ConnectionString
