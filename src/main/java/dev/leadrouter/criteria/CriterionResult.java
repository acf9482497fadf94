package dev.leadrouter.criteria;

/** How one criterion fared against one lead: the value it saw and whether it held. */
public record CriterionResult(Criterion criterion, String actual, boolean result) {}
