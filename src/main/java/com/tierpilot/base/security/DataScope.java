package com.tierpilot.base.security;

import com.tierpilot.base.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which customers a caller may reach (issue 20, data scope): all of the company's, or an account manager's own and
 * the shared pool's (customers without an account manager). An account manager signed in, or an API token bound to
 * one, has the manager's scope; owners, marketers and company tokens see all. {@link CurrentUser#scope()} gives the
 * caller's scope; services and queries take it as an explicit parameter.
 *
 * @param manager the account manager whose customers and the pool's are reachable; null for all
 */
public record DataScope(@Nullable UserId manager) {

    /** All of the company's customers. */
    public static final DataScope ALL = new DataScope(null);

    public static DataScope of(@Nullable UserId manager) {
        return manager == null ? ALL : new DataScope(manager);
    }

    public boolean all() {
        return manager == null;
    }

    /** Whether a customer with this account manager (null: in the pool) is reachable. */
    public boolean sees(@Nullable UserId accountManager) {
        return manager == null || accountManager == null || manager.equals(accountManager);
    }

    /** {@link #sees(UserId)} for a stored manager id (null: in the pool). */
    public boolean sees(@Nullable Long accountManagerId) {
        return sees(accountManagerId == null ? null : UserId.of(accountManagerId));
    }

    /**
     * The condition to AND to a query over customers, on the column holding their account manager, with its
     * {@link #params()}: empty for all.
     */
    public String and(String managerColumn) {
        return manager == null ? "" : " and (" + managerColumn + " = ? or " + managerColumn + " is null)";
    }

    /** The parameters of {@link #and(String)}, in order. */
    public List<Object> params() {
        return manager == null ? List.of() : List.of(manager.value());
    }
}
