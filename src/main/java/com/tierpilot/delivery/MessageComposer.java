package com.tierpilot.delivery;

import com.tierpilot.base.i18n.SupportedLocales;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a template's text and one customer's merge fields into the message a channel carries: an e-mail with an
 * HTML and a text part and the customer's unsubscribe link in both (and in its header), or an SMS as the provider's
 * approved template with its parameters (the merge fields the text uses, in their order). The same code renders the
 * preview, "send to me" and the campaign's messages.
 */
@Component
class MessageComposer {

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private final MessageSource messages;
    private final String publicUrl;

    MessageComposer(MessageSource messages, @Value("${tierpilot.public-url:}") String publicUrl) {
        this.messages = messages;
        this.publicUrl = publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    }

    /** The language tag of a template text for a customer's stated language (zh-CN unless it says English). */
    static String language(@Nullable String stated) {
        if (stated == null) {
            return MessageTemplate.CHINESE;
        }
        String s = stated.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("en") || s.startsWith("英") ? MessageTemplate.ENGLISH : MessageTemplate.CHINESE;
    }

    static Locale locale(String language) {
        return MessageTemplate.ENGLISH.equals(language) ? SupportedLocales.ENGLISH : SupportedLocales.CHINESE;
    }

    /** The merge fields of one customer, formatted in the text's language. */
    static MergeFields fields(String language, @Nullable String name, @Nullable String couponCode,
            @Nullable String couponValueZh, @Nullable String couponValueEn, @Nullable LocalDate expiry,
            @Nullable String segmentZh, @Nullable String segmentEn, @Nullable String link) {
        boolean english = MessageTemplate.ENGLISH.equals(language);
        String value = english ? couponValueEn : couponValueZh;
        String segment = english ? segmentEn : segmentZh;
        String expiryText = expiry == null ? "" : english
                ? expiry.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH))
                : expiry.format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
        return new MergeFields(name == null ? "" : name, couponCode == null ? "" : couponCode,
                value == null ? "" : value, expiryText, segment == null ? "" : segment, link == null ? "" : link);
    }

    String unsubscribeUrl(String token) {
        return publicUrl + "/unsubscribe/" + token;
    }

    String linkUrl(String token) {
        return publicUrl + "/l/" + token;
    }

    EmailMessage email(MessageTemplate.Text text, MergeFields fields, String to, String unsubscribeUrl,
            String messageKey) {
        Locale locale = locale(text.language());
        String label = messages.getMessage("delivery.email.unsubscribe", null, locale);
        String html = TemplateEngine.html(text.body(), fields) + "\n<p style=\"color:#888;font-size:12px\"><a href=\""
                + escape(unsubscribeUrl) + "\">" + escape(label) + "</a></p>";
        String plain = TemplateEngine.text(plainTemplate(text.body()), fields) + "\n\n" + label + ": "
                + unsubscribeUrl;
        String subject = TemplateEngine.text(text.subject() == null ? "" : text.subject(), fields).strip();
        return new EmailMessage(to, subject.isEmpty() ? "-" : subject, html, plain, unsubscribeUrl, messageKey);
    }

    /** The SMS for the provider: its approved template's code and the fields the text uses, in order. */
    static SmsMessage sms(MessageTemplate.Text text, MergeFields fields, String phone, String outId) {
        var params = new LinkedHashMap<String, String>();
        Matcher m = FIELD.matcher(text.body());
        var values = fields.asMap();
        while (m.find()) {
            params.putIfAbsent(m.group(1), values.getOrDefault(m.group(1), ""));
        }
        String code = text.providerTemplate() == null || text.providerTemplate().isBlank() ? "-"
                : text.providerTemplate();
        return new SmsMessage(phone, code, params, outId);
    }

    /** The SMS as the customer reads it, with the sign name and the unsubscribe phrase. */
    static String smsText(MessageTemplate.Text text, MergeFields fields, String signName, String unsubscribeText) {
        return SmsLength.fullText(signName, TemplateEngine.text(text.body(), fields), unsubscribeText);
    }

    /** The HTML template as plain text: paragraphs and breaks become line breaks, other tags go. */
    static String plainTemplate(String html) {
        return html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>\\s*", "\n").replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&").strip();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
