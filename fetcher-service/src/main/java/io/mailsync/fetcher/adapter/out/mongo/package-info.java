/** The fetcher's own MongoDB database: folder cursors. */
package io.mailsync.fetcher.adapter.out.mongo;
