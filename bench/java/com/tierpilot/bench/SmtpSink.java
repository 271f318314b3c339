package com.tierpilot.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server on loopback that accepts every message and keeps only how many each recipient got (a
 * benchmark's sink: GreenMail would parse and keep 100,000 messages in memory). It speaks what JavaMail needs:
 * the greeting, EHLO/HELO, MAIL, RCPT, DATA up to the lone dot, RSET, NOOP and QUIT; a message counts when the
 * server answers 250 to its end of data.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("smtp-sink").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    long messages() {
        return messages.get();
    }

    long connections() {
        return connections.get();
    }

    /** Recipients with how many messages each got since the last reset. */
    Map<String, AtomicInteger> perRecipient() {
        return perRecipient;
    }

    void reset() {
        perRecipient.clear();
        messages.set(0);
        connections.set(0);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread.ofPlatform().daemon().name("smtp-sink-connection").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            java.util.List<String> recipients = new java.util.ArrayList<>();
            for (String line = line(in); line != null; line = line(in)) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        int open = line.indexOf('<');
                        int close = line.indexOf('>', open + 1);
                        recipients.add(open < 0 || close < 0 ? line.substring(8).trim()
                                : line.substring(open + 1, close));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        for (String data = line(in); data != null && !data.equals("."); data = line(in)) {
                            // the message's lines: dropped
                        }
                        for (String to : recipients) {
                            perRecipient.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
                        }
                        messages.incrementAndGet();
                        recipients.clear();
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
