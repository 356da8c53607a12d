package io.mailsync.interop;

class GreenMailServerIT implements MailServerContract {

    @Override
    public MailServer server() {
        return GreenMailServer.shared();
    }
}
