/** Value types and decisions of the fetcher: keywords, folder cursors, message summaries. Plain Java only. */
package io.mailsync.fetcher.domain;
