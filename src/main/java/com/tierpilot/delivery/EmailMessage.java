package com.tierpilot.delivery;

/**
 * One marketing e-mail: an HTML and a plain-text part of the same content, and the customer's own unsubscribe link,
 * which also goes into the {@code List-Unsubscribe} header for the mail client's one-click unsubscribe (RFC 8058).
 *
 * @param messageKey the caller's reference, put into the Message-ID so that bounces and answers can be matched
 */
public record EmailMessage(String to, String subject, String html, String text, String unsubscribeUrl,
        String messageKey) {

    public EmailMessage {
        if (to.isBlank() || subject.isBlank() || unsubscribeUrl.isBlank()) {
            throw new IllegalArgumentException("an e-mail needs a recipient, a subject and an unsubscribe link");
        }
    }
}
