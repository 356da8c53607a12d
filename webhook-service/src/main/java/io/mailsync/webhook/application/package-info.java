/** Use cases: manage subscriptions, fan events out to them, deliver and park, show and redeliver the log. */
package io.mailsync.webhook.application;
