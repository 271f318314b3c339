package com.tierpilot.tenant;

import com.tierpilot.base.TenantId;
import com.tierpilot.tenant.domain.UserAccountRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The active users of a tenant, for other modules that show or assign them (no owner rights needed to read). */
@Service
@Transactional(readOnly = true)
public class TeamDirectoryService {

    private final UserAccountRepository users;
    private final Clock clock;

    TeamDirectoryService(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public List<UserSummary> activeUsers(TenantId tenant) {
        return users.findActive(tenant).stream().map(u -> new UserSummary(u.userId(), u.email(), u.displayName(),
                u.role(), true, u.lastLoginAt(), u.isLockedAt(clock.instant()))).toList();
    }
}
