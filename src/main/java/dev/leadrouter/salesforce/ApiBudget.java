package dev.leadrouter.salesforce;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's API budget as Salesforce last reported it in {@code Sforce-Limit-Info}, e.g. {@code
 * api-usage=18/5000; per-app-api-usage=17/250(appName=x)}. Thread-safe: every response may update
 * it, any thread may read it. Parsing is tolerant: parts it does not understand are ignored and a
 * header without a usable counter leaves the last value in place; it never throws.
 */
public final class ApiBudget {

  /** Header name, as Salesforce spells it. */
  public static final String HEADER = "Sforce-Limit-Info";

  private static final Pattern PART =
      Pattern.compile("\\s*([a-z-]+)=(\\d{1,18})/(\\d{1,18})(?:\\(appName=([^)]*)\\))?\\s*");

  private record Snapshot(Optional<ApiUsage> org, Optional<ApiUsage> app) {}

  private final AtomicReference<Snapshot> latest =
      new AtomicReference<>(new Snapshot(Optional.empty(), Optional.empty()));

  /** Takes in one header value; ignores null, junk and unknown counters (e.g. api-bursts). */
  public void record(String headerValue) {
    if (headerValue == null) {
      return;
    }
    Optional<ApiUsage> org = Optional.empty();
    Optional<ApiUsage> app = Optional.empty();
    // Docs separate parts with ";", older docs and jsforce with ","; app names hold neither.
    for (String part : headerValue.split("[;,]")) {
      Matcher m = PART.matcher(part);
      if (!m.matches()) {
        continue;
      }
      ApiUsage usage =
          new ApiUsage(
              Long.parseLong(m.group(2)),
              Long.parseLong(m.group(3)),
              Optional.ofNullable(m.group(4)));
      switch (m.group(1)) {
        case "api-usage" -> org = Optional.of(usage);
        case "per-app-api-usage" -> app = Optional.of(usage);
        default -> {
          // api-bursts and future counters are not budgets we spend against.
        }
      }
    }
    if (org.isEmpty() && app.isEmpty()) {
      return;
    }
    Optional<ApiUsage> newOrg = org;
    Optional<ApiUsage> newApp = app;
    latest.updateAndGet(
        old ->
            new Snapshot(
                newOrg.isPresent() ? newOrg : old.org(), newApp.isPresent() ? newApp : old.app()));
  }

  /** The org-wide counter ({@code api-usage}), once any response has carried it. */
  public Optional<ApiUsage> orgUsage() {
    return latest.get().org();
  }

  /** This connected app's quota ({@code per-app-api-usage}), when the org has one. */
  public Optional<ApiUsage> appUsage() {
    return latest.get().app();
  }
}
