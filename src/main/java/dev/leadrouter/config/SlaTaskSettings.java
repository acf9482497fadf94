package dev.leadrouter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The follow-up Task created for the owner ({@code lead-router.sla.task}).
 *
 * @param subject the Task's Subject; {@code {minutes}} is replaced by the minutes to first touch,
 *     {@code {tier}} by the score tier and {@code {rule}} by the rule that routed the lead
 * @param priority the Task's Priority picklist value, e.g. {@code High}
 * @param reminderBefore how long before the due time the reminder pops up
 */
public record SlaTaskSettings(String subject, String priority, Duration reminderBefore) {

  public SlaTaskSettings {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(reminderBefore, "reminderBefore");
  }
}
