/** api-gateway: the one public door (ADR 0001): JWT, tenant isolation, rate limits, circuit breakers, push. */
package io.mailsync.gateway;
