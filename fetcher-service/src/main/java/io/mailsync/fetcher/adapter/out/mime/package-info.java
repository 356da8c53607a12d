/**
 * What the fetcher's mail adapters (imap, pop3) share, written once: a message's envelope read best effort, and the
 * Angus session properties for an account's transport security. A library for those adapters, not an adapter of a
 * port: the one adapter package others may import (testkit {@code HexagonRules}).
 */
package io.mailsync.fetcher.adapter.out.mime;
