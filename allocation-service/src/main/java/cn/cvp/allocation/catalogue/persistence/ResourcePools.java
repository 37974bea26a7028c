package cn.cvp.allocation.catalogue.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Partitioning of the matching work between allocation-service instances: a resource pool is the capacity of
 * one resource class. Every use case that reserves or releases capacity of a pool first takes the pool's
 * PostgreSQL transaction-scoped advisory lock, so matching in one pool is serialized across all instances
 * (different pools run in parallel) and always takes its row locks in the same order — no over-reservation, no
 * deadlocks between instances. The table's {@code CHECK reserved ≤ capacity} stays as the last line of defence.
 */
@ApplicationScoped
public class ResourcePools {

    private final EntityManager em;

    public ResourcePools(EntityManager em) {
        this.em = em;
    }

    /** Waits for the pool's lock; released when the transaction ends. */
    public void lock(String resourceClass) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, key(resourceClass))
                .getSingleResult();
    }

    /** A stable 64-bit key per pool (FNV-1a of the class name, namespaced). */
    static long key(String resourceClass) {
        long h = 0xcbf29ce484222325L;
        for (byte b : ("allocation-pool:" + resourceClass).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
