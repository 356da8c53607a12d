/**
 * The public API's contract kept true to the code (issue 19, ADR 0018): {@link io.mailsync.testkit.openapi.RouteDrift}
 * holds a service's real request mappings against the document, {@link io.mailsync.testkit.openapi.PublicApiDocument}
 * holds a service's generated document against its part of the checked-in public document (and rewrites that part),
 * {@link io.mailsync.testkit.openapi.DocumentedStatuses} holds every status a route answers in a service's integration
 * tests — an exception's problem included — against the statuses its operation documents.
 */
package io.mailsync.testkit.openapi;
