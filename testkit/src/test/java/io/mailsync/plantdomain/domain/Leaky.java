package io.mailsync.plantdomain.domain;

import org.springframework.util.Assert;

public record Leaky(String name) {

    public Leaky {
        Assert.hasText(name, "a name");
    }
}
