/** The accounts (and commands) consumer: its partition assignment is the set of accounts this fetcher owns. */
package io.mailsync.fetcher.adapter.in.kafka;
