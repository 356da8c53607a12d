/**
 * Named builders for wire records (STYLE.md "test data comes from named builders"): a test states only what matters
 * to it — {@code aMessageArrived().forAccount(id).inFolder("Sent").withFlags("$seen").build()} — and gets valid
 * defaults for the rest, so adding an optional field to a record changes one builder, not every test.
 */
package io.mailsync.testkit.builders;
