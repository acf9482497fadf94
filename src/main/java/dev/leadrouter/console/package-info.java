/**
 * The ops console's pages, served by the worker's admin server under {@code /console/}: routing log
 * search and the "why" of each decision, live counters, the SLA board, shadow vs actual, rules and
 * their hit counts, dead letters with replay. It reads the store, the meters and the rules in
 * force, and replays dead letters through the worker's own {@code DeadLetterReplay}; the admin
 * server signs browsers in before any page is asked for anything.
 */
package dev.leadrouter.console;
