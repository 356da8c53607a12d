package io.mailsync.support.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentReferenceTest {

    @Test
    void aReferenceIsTheGridFsSchemeAndTheFileId() {
        String reference = ContentReference.of("65630f2e9d1c4a3b2c1d0e0f");

        assertThat(reference).isEqualTo("gridfs:65630f2e9d1c4a3b2c1d0e0f");
        assertThat(ContentReference.objectIdHex(reference)).contains("65630f2e9d1c4a3b2c1d0e0f");
    }

    @Test
    void whatIsNotAGridFsReferenceNamesNoFile() {
        assertThat(ContentReference.objectIdHex(null)).isEmpty();
        assertThat(ContentReference.objectIdHex("s3:bucket/key")).isEmpty();
        assertThat(ContentReference.objectIdHex("gridfs:1")).isEmpty();
        assertThat(ContentReference.objectIdHex("gridfs:65630f2e9d1c4a3b2c1d0e0z")).isEmpty();
    }

    @Test
    void aMalformedFileIdIsRefusedWhenWritten() {
        assertThatThrownBy(() -> ContentReference.of("not-an-id")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24 hex digits");
    }
}
