/** Planted for HexagonRulesTest: the mail adapters' shared MIME library, public and imported by the IMAP adapter. */
package io.mailsync.archclean.adapter.out.mime;
