package io.mailsync.sync.application;

import java.util.Objects;

/** Who is asking: the customer from the token's {@code sub}, and whether it holds {@code accounts.admin}. */
public record Caller(String customerId, boolean admin) {

    public Caller {
        Objects.requireNonNull(customerId, "customerId");
    }

    public boolean mayAct(String accountCustomerId) {
        return admin || customerId.equals(accountCustomerId);
    }
}
