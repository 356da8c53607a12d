/** What runs once the service has started: the key rotation of the signing secrets it stores. */
package io.mailsync.webhook.adapter.in.startup;
