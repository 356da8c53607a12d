package io.mailsync.webhook.adapter.in.web;

import java.util.List;

/** {@code POST /api/v1/webhooks}: where to, which event types, which accounts (none: all the caller's). */
record SubscriptionRequest(String url, List<String> events, List<String> accounts) {
}
