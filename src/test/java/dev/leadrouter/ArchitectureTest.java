package dev.leadrouter;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Stream;

/** The boundaries between stages, and the habits (injected time, no static state) they rely on. */
@AnalyzeClasses(packages = "dev.leadrouter", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String OURS = "dev.leadrouter..";

  // ---- Stages stay apart ------------------------------------------------------------------------

  @ArchTest
  static final ArchRule routeKnowsNoInfrastructureNorEarlierStages =
      noClasses()
          .that()
          .resideInAPackage("dev.leadrouter.route..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.leadrouter.salesforce..",
              "dev.leadrouter.store..",
              "dev.leadrouter.capture..",
              "dev.leadrouter.write..",
              "dev.leadrouter.cli..",
              "dev.leadrouter.engine..",
              "dev.leadrouter.config..",
              "dev.leadrouter.normalize..")
          .because("routing decides from records handed to it and must not reach out for more");

  @ArchTest static final ArchRule leadDependsOnNoOtherStage = dependsOnlyOn("lead");

  @ArchTest static final ArchRule criteriaDependsOnlyOnLead = dependsOnlyOn("criteria", "lead");

  @ArchTest
  static final ArchRule scoreDependsOnlyOnCriteriaAndLead =
      dependsOnlyOn("score", "criteria", "lead");

  @ArchTest static final ArchRule normalizeDependsOnlyOnLead = dependsOnlyOn("normalize", "lead");

  /**
   * Matching reads accounts from Salesforce and change events, and answers in routing's records.
   */
  @ArchTest
  static final ArchRule matchDependsOnlyOnItsInputsAndRoutingRecords =
      dependsOnlyOn("match", "normalize", "lead", "route", "capture", "salesforce");

  /** The store keeps what routing decides; it knows nothing of where events come from. */
  @ArchTest
  static final ArchRule storeDependsOnlyOnRoutingAndItsRecords =
      dependsOnlyOn("store", "route", "lead", "score", "config");

  /** Enrichment sees the lead, its settings and domains; it never reaches the org or the store. */
  @ArchTest
  static final ArchRule enrichDependsOnlyOnLeadConfigNormalizeAndReasons =
      dependsOnlyOn("enrich", "lead", "config", "normalize", "route");

  /**
   * The ops side reads health and metrics handed to it, the routing log and the org's owners; it
   * drives no pipeline stage.
   */
  @ArchTest
  static final ArchRule adminReadsOnlyTheLogTheOrgAndItsSettings =
      dependsOnlyOn("admin", "config", "store", "salesforce", "route", "lead", "score");

  /** The writer sends decisions already made; it neither captures nor decides. */
  @ArchTest
  static final ArchRule writeDependsOnlyOnTheClientTheStoreAndDecisions =
      dependsOnlyOn("write", "salesforce", "store", "route", "config", "lead");

  /**
   * SLA tracking works from decisions, change events and its own clocks; it never drives the
   * capture or the routing pipeline.
   */
  @ArchTest
  static final ArchRule slaDependsOnlyOnDecisionsTheStoreTheClientAndNotify =
      dependsOnlyOn(
          "sla",
          "route",
          "config",
          "lead",
          "score",
          "store",
          "salesforce",
          "notify",
          "write",
          "capture");

  /** Notification channels know their settings, nothing of leads, clocks or the org. */
  @ArchTest static final ArchRule notifyDependsOnlyOnConfig = dependsOnlyOn("notify", "config");

  /** Who is active is decided by the lease in the store alone; no stage takes part. */
  @ArchTest
  static final ArchRule haDependsOnlyOnTheStoreAndConfig = dependsOnlyOn("ha", "store", "config");

  @ArchTest
  static final ArchRule nothingOutsideTheCliDependsOnIt =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.leadrouter.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.leadrouter.cli..");

  @ArchTest
  static final ArchRule theEmulatorSpeaksOnlyTheWireProtocols =
      noClasses()
          .that()
          .resideInAPackage("dev.leadrouter.emulator..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.leadrouter.capture..", "dev.leadrouter.salesforce..", "dev.leadrouter.write..")
          .because("the emulator stands in for an org; sharing our client code would hide bugs");

  @ArchTest
  static final ArchRule theWorkerNeverCallsTheEmulator =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.leadrouter.emulator..", "dev.leadrouter.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.leadrouter.emulator..")
          .because("the worker talks to the emulator only over the wire, as to an org");

  @ArchTest
  static final ArchRule onlyTheCliRunsBenchmarks =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.leadrouter.cli..", "dev.leadrouter.bench..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.leadrouter.bench..");

  // ---- Time is injected
  // ---------------------------------------------------------------------------

  /**
   * Methods that read the system clock. The {@code now(ZoneId)} forms read it too; {@code
   * now(Clock)} does not, and {@code System.nanoTime()} (elapsed time only) is allowed everywhere.
   */
  private static final Set<String> SYSTEM_CLOCK_READS =
      Set.copyOf(
          Stream.concat(
                  Stream.of(
                      "java.time.Clock.systemUTC()",
                      "java.time.Clock.systemDefaultZone()",
                      "java.time.Clock.system(java.time.ZoneId)",
                      "java.lang.System.currentTimeMillis()",
                      "java.time.Instant.now()"),
                  Stream.of(
                          "LocalDateTime",
                          "LocalDate",
                          "LocalTime",
                          "ZonedDateTime",
                          "OffsetDateTime",
                          "OffsetTime",
                          "Year",
                          "YearMonth",
                          "MonthDay")
                      .flatMap(
                          type ->
                              Stream.of(
                                  "java.time." + type + ".now()",
                                  "java.time." + type + ".now(java.time.ZoneId)")))
              .toList());

  private static final DescribedPredicate<JavaAccess<?>> READ_THE_SYSTEM_CLOCK =
      DescribedPredicate.describe(
          "read the system clock (Clock.systemUTC(), Instant.now(), LocalDateTime.now(),"
              + " System.currentTimeMillis(), ...)",
          access -> SYSTEM_CLOCK_READS.contains(access.getTarget().getFullName()));

  /** Calls and method references ({@code Instant::now}) alike. */
  @ArchTest
  static final ArchRule onlyTheClockModuleReadsTheSystemClock =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.leadrouter.config.ClockModule")
          .and()
          .resideOutsideOfPackage("dev.leadrouter.bench..")
          .should()
          .accessTargetWhere(READ_THE_SYSTEM_CLOCK)
          .because(
              "time is injected as a java.time.Clock bound in ClockModule, so tests are exact");

  // ---- No static mutable state
  // --------------------------------------------------------------------

  @ArchTest
  static final ArchRule staticFieldsAreFinal =
      fields()
          .that()
          .areDeclaredInClassesThat()
          .resideInAPackage(OURS)
          .and()
          .areStatic()
          .should()
          .beFinal()
          .because("state shared through statics outlives tests and hides dependencies; inject it");

  /**
   * The ops console reads the store, the meters and the rules in force, and replays dead letters
   * through the worker's own replay; nothing but the command line wires it in.
   */
  @ArchTest
  static final ArchRule consoleReadsTheOpsSideTheStoreAndTheWorker =
      dependsOnlyOn(
          "console", "admin", "config", "store", "route", "lead", "score", "rules", "worker");

  @ArchTest
  static final ArchRule onlyTheCliWiresTheConsole =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.leadrouter.cli..", "dev.leadrouter.console..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.leadrouter.console..");

  /** Classes in {@code dev.leadrouter.<stage>} depend on no other of our packages but these. */
  @ArchTest
  static final ArchRule rulesDependOnlyOnConfigTheClientAndTheModel =
      dependsOnlyOn("rules", "config", "salesforce", "admin", "route", "criteria", "score", "lead");

  // ---- TLS verification cannot be switched off ------------------------------------------------

  @ArchTest
  static final ArchRule nothingTrustsEveryCertificate =
      noClasses()
          .should()
          .implement(javax.net.ssl.TrustManager.class)
          .orShould()
          .implement(javax.net.ssl.HostnameVerifier.class)
          .orShould()
          .callMethod(
              javax.net.ssl.HttpsURLConnection.class,
              "setDefaultHostnameVerifier",
              javax.net.ssl.HostnameVerifier.class)
          .orShould()
          .callMethod(
              javax.net.ssl.HttpsURLConnection.class,
              "setHostnameVerifier",
              javax.net.ssl.HostnameVerifier.class)
          .orShould()
          .callMethod(
              javax.net.ssl.HttpsURLConnection.class,
              "setDefaultSSLSocketFactory",
              javax.net.ssl.SSLSocketFactory.class)
          .orShould()
          .callMethod(javax.net.ssl.SSLContext.class, "setDefault", javax.net.ssl.SSLContext.class)
          .orShould()
          .callMethod(
              org.eclipse.jetty.util.ssl.SslContextFactory.class, "setTrustAll", boolean.class)
          .orShould()
          .callConstructor(org.eclipse.jetty.util.ssl.SslContextFactory.Client.class, boolean.class)
          .because("certificates and host names of the org are always verified (RELIABILITY.md)");

  /** The worker's HTTP clients come from SecureTransport, which pins the TLS checks. */
  @ArchTest
  static final ArchRule theWorkerBuildsHttpClientsOnlyThroughSecureTransport =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "dev.leadrouter.cli..", "dev.leadrouter.emulator..", "dev.leadrouter.bench..")
          .and()
          .doNotHaveFullyQualifiedName("dev.leadrouter.config.SecureTransport")
          .should()
          .callMethod(java.net.http.HttpClient.class, "newBuilder")
          .orShould()
          .callMethod(java.net.http.HttpClient.class, "newHttpClient")
          .because("SecureTransport.httpClient() sets the trust store and host-name checks");

  private static ArchRule dependsOnlyOn(String stage, String... allowed) {
    String[] packages =
        Stream.concat(Stream.of(stage), Stream.of(allowed))
            .map(name -> "dev.leadrouter." + name + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage("dev.leadrouter." + stage + "..")
        .should()
        .dependOnClassesThat(resideInAPackage(OURS).and(not(resideInAnyPackage(packages))));
  }
}
