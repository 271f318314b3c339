package db.migration.mysql;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Keeps {@code uk_customer_tenant_id} (tenant_id, id) out of MariaDB's query plans. The index exists only as the
 * target of the composite foreign keys to a customer (V59); left visible, MariaDB prefers it to the primary key for
 * {@code tenant_id = ? and id > ? order by id} and for joins on (tenant_id, id): a walk of the secondary index plus a
 * primary key lookup per row. At 1,000,000 customers with the default 128 MB buffer pool (CustomerGridBench) a page
 * of 50 by primary key went from p50 0.8 ms to 26 ms, and the filtered pages' p95 from 321-328 ms to 374-427 ms.
 *
 * <p>An {@code IGNORED} index is still maintained, still unique and still serves the foreign keys (checked on
 * MariaDB 10.11: a child row of another tenant is refused); the optimizer no longer sees it. MySQL 8 has no
 * {@code IGNORED}: its {@code INVISIBLE} was not tried here on an index a foreign key needs, so on MySQL this
 * migration changes nothing. A Java migration because only the server's version tells the two apart: both share
 * the {@code mysql} folder.
 */
public class V87__Customer_tenant_key_out_of_plans extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String version = context.getConnection().getMetaData().getDatabaseProductVersion();
        if (!version.contains("MariaDB")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table customer alter index uk_customer_tenant_id ignored");
        }
    }
}
