package cn.cvp.voucher.settlement.domain;

import cn.cvp.kit.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A supporting document is a PDF, JPEG or PNG by its content, not only by what the upload declares. */
class DocumentFormatTest {
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

    @Test
    void pdfJpegAndPngAreTakenWhenTheirBytesSaySo() {
        assertThat(DocumentFormat.check("application/pdf", PDF)).isEqualTo(DocumentType.PDF);
        assertThat(DocumentFormat.check("image/jpeg", JPEG)).isEqualTo(DocumentType.JPEG);
        assertThat(DocumentFormat.check("image/png", PNG)).isEqualTo(DocumentType.PNG);
        assertThat(DocumentFormat.check("Application/PDF; name=invoice.pdf", PDF)).isEqualTo(DocumentType.PDF);
    }

    @Test
    void bytesThatAreNotTheDeclaredTypeAreRefused() {
        assertThatThrownBy(() -> DocumentFormat.check("application/pdf", EXE))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("DOCUMENT_CONTENT_MISMATCH");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.RULE_VIOLATION);
                });
        // an allowed type under another's name is refused too: the declared type must be the real one
        assertThatThrownBy(() -> DocumentFormat.check("application/pdf", PNG))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("DOCUMENT_CONTENT_MISMATCH");
                    assertThat(e.getMessage()).contains("PNG");
                });
        assertThatThrownBy(() -> DocumentFormat.check("image/png", new byte[]{(byte) 0x89, 'P', 'N'}))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DOCUMENT_CONTENT_MISMATCH"));
    }

    @Test
    void otherTypesAndEmptyDocumentsAreRefused() {
        assertThat(DocumentFormat.allowedMediaType("text/plain")).isFalse();
        assertThat(DocumentFormat.allowedMediaType(null)).isFalse();
        assertThat(DocumentFormat.allowedMediaType("image/png")).isTrue();
        assertThatThrownBy(() -> DocumentFormat.check("application/x-msdownload", EXE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DOCUMENT_TYPE_NOT_ALLOWED"));
        assertThatThrownBy(() -> DocumentFormat.check("application/pdf", new byte[0]))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DOCUMENT_EMPTY"));
    }

    @Test
    void theSizeLimitIsInclusive() {
        assertThat(DocumentFormat.tooLarge(10 * 1024 * 1024, 10 * 1024 * 1024)).isFalse();
        assertThat(DocumentFormat.tooLarge(10 * 1024 * 1024 + 1, 10 * 1024 * 1024)).isTrue();
    }
}
