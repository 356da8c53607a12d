package io.mailsync.fetcher.domain;

/** One message in a POP3 maildrop during one session: its number (valid for this session only), UIDL and size. */
public record DropEntry(int number, String uidl, long size) {

    public DropEntry {
        if (number < 1) {
            throw new IllegalArgumentException("message numbers start at 1");
        }
    }
}
