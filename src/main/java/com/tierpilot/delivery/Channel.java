package com.tierpilot.delivery;

/**
 * One provider's way of delivering a message. A new provider is one more implementation (a Spring bean); the rest
 * of delivery (settings, the test message, later the outbox) finds it by {@link #provider()}.
 *
 * <p>{@link #send} never throws for what the provider or the network answers: it classifies the answer as accepted,
 * a temporary failure (worth retrying later: throttling, time-outs, the provider's own errors) or a permanent one
 * (a wrong number, an unapproved template or sign name, wrong keys: retrying changes nothing).
 *
 * @param <M> the message this channel carries
 */
public interface Channel<M> {

    Provider provider();

    SendResult send(ProviderAccount account, M message);

    /**
     * Opens a run of sends for one account, which the sender uses for a batch: a channel that keeps a connection (an
     * SMTP session) sends all of them through it; by default each message is sent as by {@link #send}.
     */
    default Session<M> open(ProviderAccount account) {
        return message -> send(account, message);
    }

    /** Sends one after the other for one account; closing it ends the connection, if the channel holds one. */
    interface Session<M> extends AutoCloseable {

        SendResult send(M message);

        @Override
        default void close() {
        }
    }
}
