// Types shared by main.bicep and the modules.

@export()
@description('Tags put on every resource: name to value.')
type tagSet = {
  *: string
}

@export()
@description('One ticket-tool webhook sender. Each gets its own URL /api/webhooks/<name> and its own secrets.')
type webhookConnection = {
  @description('Lowercase letters and digits only, because the name is used in three places with different rules: the URL path, an app setting name (App Service allows no "-") and Key Vault secret names (which allow no "_"). Example: zendesk, jiraprod.')
  @minLength(2)
  @maxLength(40)
  name: string

  @description('Which adapter checks the signature and maps the payload.')
  source: 'zendesk' | 'jira' | 'servicenow' | 'freshdesk' | 'github' | 'cloudevents'

  @description('The id of the policy in policies/ that covers this connection\'s customer, e.g. lumenvox. The app refuses to start when it names no loaded policy.')
  @minLength(1)
  policy: string
}

@export()
@description('One receiver of outbound SLA webhooks: each target change of state as a CloudEvent signed with Standard Webhooks. Its URL (often a credential itself, as chat tools issue them) and secrets live in Key Vault as hook-<name>-url, hook-<name>-current and hook-<name>-previous.')
type hookEndpoint = {
  @description('Lowercase letters and digits only: it is used in an app setting name (App Service allows no "-") and in Key Vault secret names (which allow no "_"). Example: opschat.')
  @minLength(2)
  @maxLength(40)
  name: string

  @description('Policy ids whose cases it hears of; omit for every policy.')
  policies: string[]?

  @description('Webhook connection names whose cases it hears of; omit for every connection.')
  connections: string[]?
}

@export()
@description('How the identity gets the right to send email through Communication Services.')
type emailSenderRole = 'customRole' | 'contributor'
