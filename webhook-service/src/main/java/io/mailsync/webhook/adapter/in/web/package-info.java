/** {@code /api/v1/webhooks}: subscriptions, their secrets and their delivery logs, per customer (scope webhooks.manage). */
package io.mailsync.webhook.adapter.in.web;
