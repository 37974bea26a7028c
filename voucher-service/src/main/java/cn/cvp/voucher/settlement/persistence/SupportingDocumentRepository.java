package cn.cvp.voucher.settlement.persistence;

import cn.cvp.voucher.settlement.domain.DocumentKind;
import cn.cvp.voucher.settlement.domain.SupportingDocument;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The documents' metadata (never their bytes: {@link SupportingDocumentContentRepository}). */
@ApplicationScoped
public class SupportingDocumentRepository implements PanacheRepositoryBase<SupportingDocument, UUID> {

    /** Every version of every document of the batch, by kind, newest version first. */
    public List<SupportingDocument> ofBatch(UUID batchId) {
        return list("batchId", Sort.ascending("kind").and("version", Sort.Direction.Descending), batchId);
    }

    /** The current (latest) version of the batch's document of this kind. */
    public Optional<SupportingDocument> current(UUID batchId, DocumentKind kind) {
        return find("batchId = ?1 and kind = ?2", Sort.descending("version"), batchId, kind).firstResultOptional();
    }
}
