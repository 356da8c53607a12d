package io.mailsync.sync.adapter.out.net;

import io.mailsync.support.net.MailServerPolicy;
import io.mailsync.sync.application.port.out.MailServerAddresses;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The operator's mail-server policy ({@code mailsync.security.mail-servers.*}, service-support) at registration. */
@Component
class PolicyMailServerAddresses implements MailServerAddresses {

    private final MailServerPolicy policy;

    PolicyMailServerAddresses(MailServerPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Optional<String> refusal(String host, int port) {
        return policy.refusalAtRegistration(host, port);
    }
}
