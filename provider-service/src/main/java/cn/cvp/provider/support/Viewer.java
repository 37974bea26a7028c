package cn.cvp.provider.support;

/**
 * Who is reading: administrators and auditors see every provider's data; anyone else only their own
 * organisation's, and other tenants' resources answer 404.
 */
public record Viewer(boolean seesAll, String organisation) {
    public boolean owns(String creditCode) {
        return organisation != null && organisation.equals(creditCode);
    }
}
