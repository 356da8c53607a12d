package io.mailsync.sync;

import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.support.content.GridFsBlobStore;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20: a multipart message — text and HTML in ISO-8859-1 quoted-printable, a 5 MiB attachment, an inline image —
 * read through {@code /structure} (bodies decoded to UTF-8, headers with encoded words decoded, the attachments with
 * IMAP part ids and decoded sizes) and {@code /attachments/{partId}} (exact bytes, {@code Range} resumes with 206).
 */
class MessageStructureIT extends SyncIntegrationTest {

    private static final int BIG = 5 * 1024 * 1024;
    private static final byte[] DATA = new byte[BIG];
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    private static final GridFsBlobStore BLOBS = new GridFsBlobStore(CONTENT_URI);
    private static String base;

    @BeforeAll
    static void data() {
        new Random(20).nextBytes(DATA);
    }

    @AfterAll
    static void closeBlobs() {
        BLOBS.close();
    }

    static byte[] multipart() {
        String mime = "From: =?ISO-8859-1?Q?J=FCrgen?= <juergen@example.test>\r\n"
                + "To: ann@example.test\r\n"
                + "Subject: =?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=\r\n"
                + "Message-ID: <structure@test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
                + "--outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
                + "--alt\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Gr=FC=DFe aus K=F6ln, sch=F6n =\r\nhier.\r\n"
                + "--alt\r\nContent-Type: text/html; charset=ISO-8859-1\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "<p>Gr=FC=DFe aus <b>K=F6ln</b></p><img src=3D\"cid:logo@example.test\">\r\n"
                + "--alt--\r\n"
                + "--outer\r\nContent-Type: application/octet-stream; name=\"daten.bin\"\r\n"
                + "Content-Disposition: attachment; filename*=ISO-8859-1''D%E4ten.bin\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(DATA) + "\r\n"
                + "--outer\r\nContent-Type: image/png\r\nContent-ID: <logo@example.test>\r\n"
                + "Content-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(PNG) + "\r\n"
                + "--outer--\r\n";
        return mime.getBytes(StandardCharsets.US_ASCII);
    }

    private ApiClient storedMessage() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        byte[] rfc822 = multipart();
        String ref = BLOBS.put("structure.eml", rfc822, Map.of());
        Broker.publish(topics.events(), aMessageArrived().forAccount(accountId).withUidValidity(3).withUid(1)
                .withMessageIdHeader("<structure@test>").withSize(rfc822.length).withContentRef(ref).build());
        ApiClient api = customer(customer);
        eventually(() -> assertThat(messagesOf(api, accountId).get("messages")).hasSize(1));
        base = "/api/v1/accounts/" + accountId + "/messages/"
                + messagesOf(api, accountId).get("messages").get(0).get("id").asString();
        return api;
    }

    @Test
    void theStructureHasTheBodiesDecodedTheHeaderAndEveryAttachment() {
        ApiClient api = storedMessage();

        ApiClient.Response response = api.get(base + "/structure");

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode s = response.body();
        // the CRLF before a boundary is the boundary's (RFC 2046 §5.1.1), not the body's
        assertThat(s.path("textBody").asString()).isEqualTo("Grüße aus Köln, schön hier.");
        assertThat(s.path("htmlBody").asString())
                .isEqualTo("<p>Grüße aus <b>Köln</b></p><img src=\"cid:logo@example.test\">");
        assertThat(s.path("truncated").asBoolean()).isFalse();
        assertThat(s.path("headers").toString()).contains("{\"name\":\"Subject\",\"value\":\"Grüße aus Köln\"}")
                .contains("Jürgen <juergen@example.test>");
        JsonNode attachments = s.path("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).path("partId").asString()).isEqualTo("2");
        assertThat(attachments.get(0).path("name").asString()).isEqualTo("Däten.bin");
        assertThat(attachments.get(0).path("type").asString()).isEqualTo("application/octet-stream");
        assertThat(attachments.get(0).path("size").asLong()).isEqualTo(BIG);
        assertThat(attachments.get(0).path("inline").asBoolean()).isFalse();
        assertThat(attachments.get(1).path("partId").asString()).isEqualTo("3");
        assertThat(attachments.get(1).path("type").asString()).isEqualTo("image/png");
        assertThat(attachments.get(1).path("inline").asBoolean()).isTrue();
        assertThat(attachments.get(1).path("contentId").asString()).isEqualTo("logo@example.test");
        assertThat(attachments.get(1).path("size").asLong()).isEqualTo(PNG.length);
    }

    @Test
    void anAttachmentDownloadsExactlyAndARangeResumesIt() {
        ApiClient api = storedMessage();

        HttpResponse<byte[]> whole = api.getBytes(base + "/attachments/2", Map.of());

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(DATA);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("filename*=UTF-8''D%C3%A4ten.bin");
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/octet-stream");

        HttpResponse<byte[]> middle = api.getBytes(base + "/attachments/2", Map.of("Range", "bytes=1000-1999"));
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + BIG);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(DATA, 1000, 2000));

        // a download cut after 4,000,000 bytes resumes where it stopped
        HttpResponse<byte[]> rest = api.getBytes(base + "/attachments/2", Map.of("Range", "bytes=4000000-"));
        assertThat(rest.statusCode()).isEqualTo(206);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.writeBytes(Arrays.copyOf(DATA, 4_000_000));
        joined.writeBytes(rest.body());
        assertThat(joined.toByteArray()).isEqualTo(DATA);

        assertThat(api.getBytes(base + "/attachments/3", Map.of()).body()).isEqualTo(PNG);
    }

    @Test
    void aPartTheMessageDoesNotHaveIsA404AndAPartIdThatIsNoneA400() {
        ApiClient api = storedMessage();

        ApiClient.Response missing = api.get(base + "/attachments/9");
        ApiClient.Response malformed = api.get(base + "/attachments/x.1");
        HttpResponse<byte[]> unsatisfiable = api.getBytes(base + "/attachments/3", Map.of("Range", "bytes=999-"));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("detail").asString()).contains("not a part id");
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
    }
}
