-- The ops console (issue 9): the routing log is searched by a lead's e-mail and company, which the
-- decision's inputs only hold as a domain and a matching key. Both are kept lower-case so an
-- index answers a case-insensitive look-up; rows logged before this migration have neither.
ALTER TABLE routing_decision ADD COLUMN lead_email VARCHAR(255);
ALTER TABLE routing_decision ADD COLUMN lead_company VARCHAR(255);

CREATE INDEX routing_decision_email ON routing_decision (lead_email);
CREATE INDEX routing_decision_company ON routing_decision (lead_company);
CREATE INDEX routing_decision_rule ON routing_decision (rule_name);
CREATE INDEX routing_decision_owner ON routing_decision (owner_id);
