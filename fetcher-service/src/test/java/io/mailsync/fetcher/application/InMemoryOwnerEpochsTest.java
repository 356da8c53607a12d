package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.OwnerEpochs;

class InMemoryOwnerEpochsTest implements OwnerEpochsContract {

    private final InMemoryOwnerEpochs epochs = new InMemoryOwnerEpochs();

    @Override
    public OwnerEpochs epochs() {
        return epochs;
    }
}
