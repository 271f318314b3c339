package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.persistence.SegmentationSettingsRepository;
import com.tierpilot.tenant.TeamDirectoryService;
import com.tierpilot.tenant.UserSummary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Who changed the segmentation criteria and rule segments, when, and from what. */
@Service
@Transactional(readOnly = true)
public class SettingsHistoryService {

    private final SegmentationSettingsRepository settings;
    private final TeamDirectoryService team;
    private final JsonMapper json;

    SettingsHistoryService(SegmentationSettingsRepository settings, TeamDirectoryService team, JsonMapper json) {
        this.settings = settings;
        this.team = team;
        this.json = json;
    }

    /** The latest {@code limit} changes, newest first, each with what changed setting by setting. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public List<SettingsChangeEntry> latest(TenantId tenant, int limit) {
        Map<Long, String> names = team.activeUsers(tenant).stream()
                .collect(Collectors.toMap(u -> u.userId().value(), UserSummary::displayName, (a, b) -> a));
        return settings.changes(tenant, limit).stream().map(c -> new SettingsChangeEntry(c.at(),
                names.get(c.userId()), c.scheme(), c.subject(),
                c.before() == null ? SettingsChangeEntry.Kind.CREATED
                        : c.after() == null ? SettingsChangeEntry.Kind.DELETED : SettingsChangeEntry.Kind.CHANGED,
                SettingsDifferences.between(json, c.before(), c.after()))).toList();
    }
}
