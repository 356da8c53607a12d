/** HTTP in: the routes to the services, the push endpoint, security, limits, problem documents, OpenAPI. */
package io.mailsync.gateway.adapter.in.web;
