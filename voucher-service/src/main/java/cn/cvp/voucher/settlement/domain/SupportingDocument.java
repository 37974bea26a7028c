package cn.cvp.voucher.settlement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A supporting document of a redemption batch (the invoice, 发票, or the delivery certificate, 交付凭证) as uploaded:
 * its type checked by content, its SHA-256, who uploaded it. Each upload is a new version; the bytes are a
 * {@link SupportingDocumentContent} of their own.
 */
@Entity
@Table(name = "settlement_document")
public class SupportingDocument {
    @Id
    private UUID id;
    @Column(name = "batch_id")
    private UUID batchId;
    @Enumerated(EnumType.STRING)
    private DocumentKind kind;
    private int version;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_org")
    private String uploadedOrganisation;
    @Column(name = "uploaded_at")
    private OffsetDateTime uploadedAt;

    protected SupportingDocument() {
    }

    public static SupportingDocument of(UUID id, UUID batchId, DocumentKind kind, int version, DocumentType type,
                                        String fileName, long sizeBytes, String sha256, String uploadedBy,
                                        String uploadedOrganisation, OffsetDateTime now) {
        SupportingDocument d = new SupportingDocument();
        d.id = id;
        d.batchId = batchId;
        d.kind = kind;
        d.version = version;
        d.contentType = type.mediaType();
        d.fileName = fileName;
        d.sizeBytes = sizeBytes;
        d.sha256 = sha256;
        d.uploadedBy = uploadedBy;
        d.uploadedOrganisation = uploadedOrganisation;
        d.uploadedAt = now;
        return d;
    }

    public UUID id() { return id; }
    public UUID batchId() { return batchId; }
    public DocumentKind kind() { return kind; }
    public int version() { return version; }
    public String contentType() { return contentType; }
    public String fileName() { return fileName; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public String uploadedBy() { return uploadedBy; }
    public String uploadedOrganisation() { return uploadedOrganisation; }
    public OffsetDateTime uploadedAt() { return uploadedAt; }
}
