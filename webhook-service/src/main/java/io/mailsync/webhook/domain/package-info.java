/** Subscriptions, deliveries and the rules between them: which event goes to which subscription, which secret signs. */
package io.mailsync.webhook.domain;
