package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.CursorStore;

class InMemoryCursorStoreTest implements CursorStoreContract {

    private final InMemoryCursorStore store = new InMemoryCursorStore();

    @Override
    public CursorStore store() {
        return store;
    }
}
