package com.tierpilot.tenant;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.tenant.domain.UserAccount;
import com.tierpilot.tenant.domain.UserAccountRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail to a company's owners when SMTP is configured ({@code spring.mail.host}), each in the language of their own
 * account: one message per language, written by the caller for that locale. A message that cannot be sent is logged
 * with the tenant and counted as not sent; what the mail tells (a banner, a list) stays on screen either way.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class OwnerMailService {

    private static final Logger log = LoggerFactory.getLogger(OwnerMailService.class);

    /** A message in one language. */
    public record Letter(String subject, String body) {
    }

    private final ObjectProvider<JavaMailSender> mail;
    private final UserAccountRepository users;
    private final String from;

    OwnerMailService(ObjectProvider<JavaMailSender> mail, UserAccountRepository users,
            @Value("${tierpilot.mail.from:no-reply@tierpilot.local}") String from) {
        this.mail = mail;
        this.users = users;
        this.from = from;
    }

    /** Whether mail can be sent at all (SMTP configured). */
    public boolean enabled() {
        return mail.getIfAvailable() != null;
    }

    /** Whether mail is enabled and the company has an active owner to write to. */
    public boolean canReachOwners(TenantId tenant) {
        return enabled() && users.countActiveOwners(tenant) > 0;
    }

    /**
     * Writes to every active owner in their language ({@code letter} is asked once per language among them). Returns
     * how many owners a message went to: 0 without SMTP, without owners, or when every message failed.
     *
     * @param what what the message is, for the log
     */
    public int send(TenantId tenant, String what, Function<Locale, Letter> letter) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Map<Locale, List<String>> byLanguage = users.findActiveByRole(tenant, Role.OWNER).stream()
                .collect(Collectors.groupingBy(u -> SupportedLocales.fromTag(u.locale()), LinkedHashMap::new,
                        Collectors.mapping(UserAccount::email, Collectors.toList())));
        int reached = 0;
        for (var group : byLanguage.entrySet()) {
            Letter text = letter.apply(group.getKey());
            var message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(group.getValue().toArray(String[]::new));
            message.setSubject(text.subject());
            message.setText(text.body());
            try {
                sender.send(message);
                reached += group.getValue().size();
            } catch (MailException e) {
                log.warn("Could not e-mail the {} of tenant {} to its {} owners in {}; it stays on screen", what,
                        tenant, group.getValue().size(), group.getKey().toLanguageTag(), e);
            }
        }
        return reached;
    }
}
