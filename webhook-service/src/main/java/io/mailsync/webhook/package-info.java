/** webhook-service: customers' webhook subscriptions, and signed deliveries of their accounts' events (ADR 0013). */
package io.mailsync.webhook;
