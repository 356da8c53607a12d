package io.mailsync.interop;

class CyrusServerIT implements MailServerContract {

    @Override
    public MailServer server() {
        return CyrusServer.shared();
    }
}
