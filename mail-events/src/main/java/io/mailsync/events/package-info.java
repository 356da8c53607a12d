/**
 * The wire contract shared by every mailsync service: the records published on Kafka, their stable type
 * names and schema versions, the topic names, and the JSON codec that reads them forward-compatibly.
 */
package io.mailsync.events;
