package com.tierpilot.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.slf4j.LoggerFactory;

/**
 * The sign-up confirmation links that the application logs when it has no SMTP server, read from its log the way a
 * developer reads them: a test signs up, then opens the link logged for its address.
 */
public final class MailedSignUpLinks extends AppenderBase<ILoggingEvent> {

    /** The line {@code SignUpMail} logs instead of mailing the link. */
    public static final Pattern LINE = Pattern.compile("the confirmation link for (\\S+) is (\\S+)");

    private static final MailedSignUpLinks INSTANCE = new MailedSignUpLinks();

    private final Map<String, String> byEmail = new ConcurrentHashMap<>();

    private MailedSignUpLinks() {
    }

    /** Starts listening (once per JVM); call before signing up. */
    public static synchronized void listen() {
        if (!INSTANCE.isStarted()) {
            INSTANCE.start();
            ((Logger) LoggerFactory.getLogger("com.tierpilot.tenant.SignUpMail")).addAppender(INSTANCE);
        }
    }

    /** The link logged for this address, waiting a little for it; the absolute URL as in the mail. */
    public static String forEmail(String email) {
        String key = email.strip().toLowerCase(Locale.ROOT);
        return Awaitility.await("the sign-up link of " + email).atMost(Duration.ofSeconds(20))
                .until(() -> INSTANCE.byEmail.get(key), link -> link != null);
    }

    /** The link logged for this address so far, without waiting. */
    public static java.util.Optional<String> loggedFor(String email) {
        return java.util.Optional.ofNullable(INSTANCE.byEmail.get(email.strip().toLowerCase(Locale.ROOT)));
    }

    /** The token part of the link logged for this address. */
    public static String tokenFor(String email) {
        String link = forEmail(email);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Override
    protected void append(ILoggingEvent event) {
        Matcher line = LINE.matcher(event.getFormattedMessage());
        if (line.find()) {
            byEmail.put(line.group(1), line.group(2));
        }
    }
}
