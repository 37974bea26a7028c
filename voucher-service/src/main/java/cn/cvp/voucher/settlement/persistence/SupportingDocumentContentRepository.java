package cn.cvp.voucher.settlement.persistence;

import cn.cvp.voucher.settlement.domain.SupportingDocumentContent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The documents' bytes (bytea). */
@ApplicationScoped
public class SupportingDocumentContentRepository implements PanacheRepositoryBase<SupportingDocumentContent, UUID> {
}
