package cn.cvp.provider.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Looks into the service's database, to check what was (and was not) stored. */
@ApplicationScoped
public class Db {
    private final AgroalDataSource dataSource;

    public Db(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... params) {
        List<String> rows = strings(sql, params);
        return Long.parseLong(rows.get(0));
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The outbox payloads (CloudEvents JSON) of one type for one record key, oldest first. */
    public List<String> outbox(String type, Object key) {
        return strings("select payload from outbox_event where event_type = ? and message_key = ? order by seq",
                type, String.valueOf(key));
    }
}
