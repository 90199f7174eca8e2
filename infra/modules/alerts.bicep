// The alerts an operator needs, as log search alerts on the Application Insights component, each sent to one action
// group (email receivers, optional). The signals are what the Functions host records for every invocation (the
// requests table: one row per function execution, with its success flag and HTTP result code) and the app's own
// error lines (the traces table):
// - sweep lagging: no successful `sweep` execution for 5 minutes, so no due point has been looked at since;
// - a poison notice: the sender set a notice aside, or Service Bus dead-lettered one (the `deadletters` function ran);
// - webhook errors: 5xx answers above 5 % of at least 20 webhook deliveries in 15 minutes.

import { tagSet } from 'types.bicep'

@description('Azure region of the alert rules and the action group.')
param location string

@description('Resource id of the Application Insights component the alerts query.')
param appInsightsId string

@description('Name prefix for the alert rules and the action group.')
param namePrefix string

@description('Email addresses the action group notifies; empty for an action group with no receivers (wire it up later).')
param alertEmails string[]

@description('Tags for every resource.')
param tags tagSet

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'slaops'
    enabled: true
    emailReceivers: [for (address, i) in alertEmails: {
      name: 'email-${i}'
      emailAddress: address
      useCommonAlertSchema: true
    }]
  }
}

var rules = [
  {
    name: 'sweep-lagging'
    description: 'No successful sweep for 5 minutes: due points are not being looked at, so notices are late.'
    severity: 1
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    query: 'requests | where name == "sweep" and success == true | summarize runs = count() | where runs == 0'
  }
  {
    name: 'poison-notice'
    description: 'A notice was set aside as poison (GET /api/notices/poison lists it; POST .../replay sends it again).'
    severity: 2
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    query: 'union (requests | where name == "deadletters"), (traces | where message has "set aside as poison") | summarize poison = count() | where poison > 0'
  }
  {
    name: 'webhook-errors'
    description: 'Webhook deliveries answered 5xx above 5 % in 15 minutes: ticket tools may drop them (storage trouble?).'
    severity: 1
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    query: 'requests | where name == "webhooks" | summarize total = count(), failed = countif(toint(resultCode) >= 500) | where total >= 20 and failed * 100 > total * 5'
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [for rule in rules: {
  name: '${namePrefix}-${rule.name}'
  location: location
  tags: tags
  properties: {
    displayName: '${namePrefix}: ${rule.name}'
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: rule.evaluationFrequency
    windowSize: rule.windowSize
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}]

@description('Resource id of the action group the alerts notify.')
output actionGroupId string = actionGroup.id
