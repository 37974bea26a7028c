package cn.cvp.voucher.settlement.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.settlement.domain.DocumentFormat;
import cn.cvp.voucher.settlement.domain.DocumentKind;
import cn.cvp.voucher.settlement.domain.DocumentType;
import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.settlement.domain.SupportingDocument;
import cn.cvp.voucher.settlement.domain.SupportingDocumentContent;
import cn.cvp.voucher.settlement.persistence.SettlementBatchRepository;
import cn.cvp.voucher.settlement.persistence.SupportingDocumentContentRepository;
import cn.cvp.voucher.settlement.persistence.SupportingDocumentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The supporting documents of a redemption batch: the submitter uploads the invoice (发票) and the delivery
 * certificate (交付凭证) while the batch is with it (OPEN or RETURNED) — PDF, JPEG or PNG by content
 * ({@link DocumentFormat}), SHA-256 kept, each upload a new version, stored in PostgreSQL and audited; staff and the
 * submitter read them back (each download audited too).
 */
@ApplicationScoped
public class SupportingDocuments {

    public record Upload(UUID batchId, DocumentKind kind, String contentType, String fileName, byte[] content) {
    }

    /** A document's metadata and its bytes, as a download answers them. */
    public record Download(SupportingDocument document, byte[] content) {
    }

    private final SettlementBatchRepository batches;
    private final SupportingDocumentRepository documents;
    private final SupportingDocumentContentRepository contents;
    private final SettlementSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    public SupportingDocuments(SettlementBatchRepository batches, SupportingDocumentRepository documents,
                               SupportingDocumentContentRepository contents, SettlementSettings settings,
                               AuditLog audit, Clock clock) {
        this.batches = batches;
        this.documents = documents;
        this.contents = contents;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The largest document taken, in bytes. */
    public long maxBytes() {
        return settings.documentMaxSize().asLongValue();
    }

    /** By the submitting organisation only (another's batch is "not found"). */
    @Transactional
    public SupportingDocument upload(Upload command, Actor actor) {
        SettlementBatch b = batches.lock(command.batchId());
        if (b == null || !b.submittedBy(actor.organisation())) {
            throw DomainException.notFound("Settlement batch", command.batchId());
        }
        b.requireDocumentsChangeable();
        DocumentType type = DocumentFormat.check(command.contentType(), command.content());
        if (DocumentFormat.tooLarge(command.content().length, maxBytes())) {
            throw DomainException.refused("DOCUMENT_TOO_LARGE",
                    "The document is larger than " + maxBytes() + " bytes", "单据超过 " + maxBytes() + " 字节");
        }
        int version = documents.current(b.id(), command.kind()).map(d -> d.version() + 1).orElse(1);
        SupportingDocument d = SupportingDocument.of(UUID.randomUUID(), b.id(), command.kind(), version, type,
                fileName(command.fileName()), command.content().length, sha256(command.content()), actor.username(),
                actor.organisation(), OffsetDateTime.now(clock));
        documents.persist(d);
        contents.persist(SupportingDocumentContent.of(d.id(), command.content()));
        Map<String, Object> after = new HashMap<>();
        after.put("kind", d.kind());
        after.put("version", d.version());
        after.put("contentType", d.contentType());
        after.put("sizeBytes", d.sizeBytes());
        after.put("sha256", d.sha256());
        after.put("fileName", String.valueOf(d.fileName()));
        audit.record(actor, "SETTLEMENT_DOCUMENT_UPLOADED", "SettlementBatch", b.id(), null, after);
        return d;
    }

    /** Every version of the batch's documents (the batch must be visible to the caller: checked by the API). */
    public List<SupportingDocument> of(SettlementBatch batch) {
        return documents.ofBatch(batch.id());
    }

    /** The document's bytes; the download is audited (who read which document of which batch). */
    @Transactional
    public Download download(SettlementBatch batch, UUID documentId, Actor actor) {
        SupportingDocument d = documents.findById(documentId);
        if (d == null || !d.batchId().equals(batch.id())) {
            throw DomainException.notFound("Document", documentId);
        }
        SupportingDocumentContent content = contents.findById(documentId);
        audit.record(actor, "SETTLEMENT_DOCUMENT_DOWNLOADED", "SettlementBatch", batch.id(), null,
                Map.of("documentId", d.id().toString(), "kind", d.kind(), "sha256", d.sha256()));
        return new Download(d, content.content());
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.replaceAll("[\\\\/]", "_").replaceAll("\\p{Cntrl}", "").strip();
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
