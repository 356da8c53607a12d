/** Use cases of the fetcher: keep a session per owned account and turn what a folder shows into events. */
package io.mailsync.fetcher.application;
