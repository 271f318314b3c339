package com.tierpilot.support;

import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;

/** Records the simple messages it is asked to send, or fails like an unreachable server. */
public final class RecordingMailSender implements JavaMailSender {
    public final List<SimpleMailMessage> sent = new ArrayList<>();
    private final boolean failing;

    public RecordingMailSender(boolean failing) {
        this.failing = failing;
    }

    @Override
    public void send(SimpleMailMessage... messages) {
        if (failing) {
            throw new MailSendException("connection refused");
        }
        sent.addAll(List.of(messages));
    }

    @Override
    public MimeMessage createMimeMessage() {
        throw new UnsupportedOperationException("only simple messages are recorded");
    }

    @Override
    public MimeMessage createMimeMessage(InputStream contentStream) {
        throw new UnsupportedOperationException("only simple messages are recorded");
    }

    @Override
    public void send(MimeMessage... mimeMessages) {
        throw new UnsupportedOperationException("only simple messages are recorded");
    }

    @Override
    public void send(MimeMessagePreparator... mimeMessagePreparators) {
        throw new UnsupportedOperationException("only simple messages are recorded");
    }
}
