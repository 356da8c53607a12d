package io.mailsync.sync.application;

import io.mailsync.sync.domain.Need;
import java.util.Objects;

/**
 * Who is asking: the customer from the token's {@code sub}, whether it holds {@code accounts.admin}, and what the
 * request needs of the mailbox it names — which a person the mailbox is shared with must hold (issue 23).
 */
public record Caller(String customerId, boolean admin, Need need) {

    public Caller {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(need, "need");
    }

    /** A caller whose request only the owner may make (the strictest need: a grant never satisfies it). */
    public Caller(String customerId, boolean admin) {
        this(customerId, admin, Need.OWNER);
    }

    public boolean mayAct(String accountCustomerId) {
        return admin || customerId.equals(accountCustomerId);
    }
}
