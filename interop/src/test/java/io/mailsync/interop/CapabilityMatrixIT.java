package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Probes all four servers, prints the matrix (and writes it to target/capability-matrix.md for the README), and holds
 * each server to what ENVIRONMENT.md and the README say it offers, so that a package update that changes it shows.
 */
class CapabilityMatrixIT {

    @Test
    void eachServerOffersWhatTheReadmeSays() throws Exception {
        List<ServerCapabilities> servers = new ArrayList<>();
        for (MailServer server : List.of(DovecotServer.shared(), CyrusServer.shared(), CourierServer.shared(),
                GreenMailServer.shared())) {
            servers.add(CapabilityProbe.probe(server));
        }
        String matrix = CapabilityMatrix.markdown(servers);
        System.out.println("\nIMAP/POP3 capability matrix\n\n" + matrix);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/capability-matrix.md"), matrix);

        // ENVIRONMENT.md: Dovecot 2.3 offers IDLE, CONDSTORE, QRESYNC, QUOTA, UIDPLUS, POP3 UIDL
        assertThat(CapabilityMatrix.row(servers.get(0)))
                .isEqualTo("| dovecot | yes | yes | yes | yes | yes | yes | yes | yes | — |");
        // Cyrus 3.6: CONDSTORE, QRESYNC, QUOTA, UIDPLUS, MOVE, IDLE (with idled); POP3 says LOGIN-DELAY 0
        assertThat(CapabilityMatrix.row(servers.get(1)))
                .isEqualTo("| cyrus | yes | yes | yes | yes | yes | yes | yes | yes | 0 s |");
        // Courier 5.0: no CONDSTORE/QRESYNC/MOVE (the full-comparison fallback); POP3 LOGIN-DELAY 10
        assertThat(CapabilityMatrix.row(servers.get(2)))
                .isEqualTo("| courier | yes | — | — | yes | yes | — | yes | yes | 10 s |");
        // GreenMail 2.1: no CONDSTORE/QRESYNC; no POP3 TOP in CAPA
        assertThat(CapabilityMatrix.row(servers.get(3)))
                .isEqualTo("| greenmail | yes | — | — | yes | yes | yes | yes | — | — |");
    }
}
