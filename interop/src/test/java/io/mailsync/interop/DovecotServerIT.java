package io.mailsync.interop;

class DovecotServerIT implements MailServerContract {

    @Override
    public MailServer server() {
        return DovecotServer.shared();
    }
}
