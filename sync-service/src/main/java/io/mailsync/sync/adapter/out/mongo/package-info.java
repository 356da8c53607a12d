/** The sync service's own MongoDB database: accounts, counters, messages, change log, devices (plain documents). */
package io.mailsync.sync.adapter.out.mongo;
