package com.tierpilot.delivery.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.delivery.ChannelKind;
import com.tierpilot.delivery.MessageTemplate;
import com.tierpilot.delivery.MessageTemplate.Text;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Message templates and their texts per language. */
@Repository
public class MessageTemplateRepository {

    private final JdbcTemplate jdbc;

    MessageTemplateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(TenantId tenant, String name, ChannelKind channel, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into message_template (tenant_id, name, channel, updated_at)"
                    + " values (?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, tenant.value());
            ps.setString(2, name);
            ps.setString(3, channel.name());
            ps.setTimestamp(4, Timestamp.from(now));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public boolean rename(TenantId tenant, long id, String name, Instant now) {
        return jdbc.update("update message_template set name = ?, updated_at = ? where tenant_id = ? and id = ?", name,
                Timestamp.from(now), tenant.value(), id) == 1;
    }

    /** Replaces the template's texts. */
    public void saveTexts(TenantId tenant, long id, List<Text> texts) {
        jdbc.update("delete from message_template_text where tenant_id = ? and template_id = ?", tenant.value(), id);
        for (Text t : texts) {
            jdbc.update("insert into message_template_text (tenant_id, template_id, language, subject, body,"
                    + " provider_template) values (?, ?, ?, ?, ?, ?)", tenant.value(), id, t.language(), t.subject(),
                    t.body(), t.providerTemplate());
        }
    }

    public List<MessageTemplate> all(TenantId tenant) {
        Map<Long, Map<String, Text>> texts = new HashMap<>();
        jdbc.query("select template_id, language, subject, body, provider_template from message_template_text"
                + " where tenant_id = ?", rs -> {
                    texts.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            new Text(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }, tenant.value());
        return jdbc.query("select id, name, channel from message_template where tenant_id = ? order by name, id",
                (rs, i) -> new MessageTemplate(rs.getLong(1), rs.getString(2), ChannelKind.valueOf(rs.getString(3)),
                        texts.getOrDefault(rs.getLong(1), Map.of())), tenant.value());
    }

    public Optional<MessageTemplate> find(TenantId tenant, long id) {
        return all(tenant).stream().filter(t -> t.id() == id).findFirst();
    }

    public boolean nameTaken(TenantId tenant, String name, long exceptId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from message_template where tenant_id = ?"
                + " and name = ? and id <> ?", Boolean.class, tenant.value(), name, exceptId));
    }
}
