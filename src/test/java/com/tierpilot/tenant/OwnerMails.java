package com.tierpilot.tenant;

import com.tierpilot.tenant.domain.UserAccountRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** {@link OwnerMailService} over a given mail sender, for tests of the modules that write to owners. */
public final class OwnerMails {

    private OwnerMails() {
    }

    /** Owner mail that sends through {@code sender}; {@code null} is a server without SMTP configured. */
    public static OwnerMailService through(@Nullable JavaMailSender sender, UserAccountRepository users) {
        var beans = new StaticListableBeanFactory();
        if (sender != null) {
            beans.addBean("mailSender", sender);
        }
        return new OwnerMailService(beans.getBeanProvider(JavaMailSender.class), users, "no-reply@example.com");
    }
}
