package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerSortKeyCopies;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The copies of customers' list sort keys (name, region, city, creation date) kept next to rows that filter the
 * customer list (issue 21): this module's tags, and whatever other modules copy ({@link CustomerSortKeyCopies},
 * segmentation's segment members). Every write that changes those keys of existing customers calls
 * {@link #changed} in its transaction, after the change.
 */
@Repository
public class SortKeyCopiesRepository {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final ObjectProvider<CustomerSortKeyCopies> copies;

    SortKeyCopiesRepository(JdbcTemplate jdbc, ObjectProvider<CustomerSortKeyCopies> copies) {
        this.jdbc = jdbc;
        this.copies = copies;
    }

    /** These customers' sort keys changed in this transaction: their tags' and every other module's copies follow. */
    public void changed(TenantId tenant, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(customerIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Object[] params = new Object[chunk.size() + 1];
            params[0] = tenant.value();
            for (int i = 0; i < chunk.size(); i++) {
                params[i + 1] = chunk.get(i);
            }
            jdbc.update("update customer_tag set " + copy("name") + ", " + copy("region") + ", " + copy("city") + ", "
                    + copy("created_on") + " where tenant_id = ? and customer_id in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", params);
        }
        copies.orderedStream().forEach(copy -> copy.sortKeysChanged(tenant, ids));
    }

    private static String copy(String column) {
        return column + " = (select c." + column + " from customer c where c.tenant_id = customer_tag.tenant_id"
                + " and c.id = customer_tag.customer_id)";
    }
}
