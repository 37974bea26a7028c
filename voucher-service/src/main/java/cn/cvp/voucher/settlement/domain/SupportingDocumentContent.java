package cn.cvp.voucher.settlement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The bytes of a {@link SupportingDocument}, kept durably in PostgreSQL ({@code bytea}); read only to download. */
@Entity
@Table(name = "settlement_document_content")
public class SupportingDocumentContent {
    @Id
    @Column(name = "document_id")
    private UUID documentId;
    private byte[] content;

    protected SupportingDocumentContent() {
    }

    public static SupportingDocumentContent of(UUID documentId, byte[] content) {
        SupportingDocumentContent c = new SupportingDocumentContent();
        c.documentId = documentId;
        c.content = content.clone();
        return c;
    }

    public UUID documentId() { return documentId; }
    public byte[] content() { return content.clone(); }
}
