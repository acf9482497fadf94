/**
 * Routing rules as admins keep them in Salesforce: the {@code Routing_*__mdt} Custom Metadata
 * records of {@code config/salesforce/}, read by SOQL ({@link
 * dev.leadrouter.rules.OrgRuleSetReader}) or from SFDX source files ({@link
 * dev.leadrouter.rules.SfdxRecordFiles}), converted to the same {@link
 * dev.leadrouter.config.RuleSetDocument} the YAML rule files use so that both are validated by one
 * {@link dev.leadrouter.config.RuleSetAssembler}; and the {@link
 * dev.leadrouter.rules.RuleSetProvider} that keeps the worker's rule set fresh.
 *
 * <p>A package of its own rather than part of {@code config}: it talks to Salesforce (the {@code
 * salesforce} client) and to the admin endpoint, which the settings package must not depend on.
 */
package dev.leadrouter.rules;
