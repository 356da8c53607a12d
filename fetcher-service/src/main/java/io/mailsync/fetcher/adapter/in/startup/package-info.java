/** What runs once the fetcher has started: the key rotation of what it stores encrypted. */
package io.mailsync.fetcher.adapter.in.startup;
