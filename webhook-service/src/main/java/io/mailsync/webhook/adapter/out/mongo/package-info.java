/** The subscriptions, the account owners and the delivery log in the service's own MongoDB database. */
package io.mailsync.webhook.adapter.out.mongo;
