/**
 * Capture: subscribes to Salesforce Change Data Capture channels, parses each message once into a
 * typed {@link dev.leadrouter.capture.ChangeEvent}, drops our own echoes, and checkpoints a replay
 * id only when the pipeline acknowledges that the event's effect is durable.
 */
package dev.leadrouter.capture;
