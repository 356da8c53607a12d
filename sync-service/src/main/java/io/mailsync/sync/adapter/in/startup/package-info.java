/** What runs once the service is ready: republishing the account registry to the accounts topic. */
package io.mailsync.sync.adapter.in.startup;
