/** Configuration records and bean wiring: the only place that knows both Spring and the use cases. */
package io.mailsync.fetcher.config;
