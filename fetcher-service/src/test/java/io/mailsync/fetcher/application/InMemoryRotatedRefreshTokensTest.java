package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.RotatedRefreshTokens;

class InMemoryRotatedRefreshTokensTest implements RotatedRefreshTokensContract {

    private final InMemoryRotatedRefreshTokens tokens = new InMemoryRotatedRefreshTokens();

    @Override
    public RotatedRefreshTokens tokens() {
        return tokens;
    }
}
