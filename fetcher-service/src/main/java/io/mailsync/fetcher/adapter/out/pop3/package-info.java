/** POP3 behind the Pop3Server port, with Angus Mail: UIDL, LIST, TOP, RETR, STAT, DELE. */
package io.mailsync.fetcher.adapter.out.pop3;
