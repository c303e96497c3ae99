package io.quarkiverse.launchdarkly.runtime.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.server.subsystems.EventSender;

/**
 * The SDK's event sender, replaced: a payload handed over by the SDK goes to the {@link Spool} and the call returns at
 * once, so the SDK's flush threads never wait for LaunchDarkly. One delivery thread posts the payloads in order and
 * retries each until LaunchDarkly takes it, keeping its payload id, with a capped exponential backoff between
 * attempts. A 4xx answer other than 408, 413 and 429 drops the payload; 401 and 403 stop delivery for good, as the
 * SDK's own sender does, because the SDK key was refused.
 */
final class RetryingEventSender implements EventSender {

    private static final Logger LOG = Logger.getLogger(RetryingEventSender.class);
    private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventDelivery delivery;
    private final DeliveryCounters counters;
    private final Spool spool;
    private final EventPoster poster;
    private final Backoff backoff;
    private final URI eventsBaseUri;
    private final Thread thread;
    private volatile boolean running = true;
    /** When set, the shutdown drain ends at this {@link System#nanoTime()}. */
    private volatile Long drainDeadline;
    private volatile boolean closed;

    RetryingEventSender(EventDelivery delivery, EventPoster poster, URI eventsBaseUri) {
        this.delivery = delivery;
        this.counters = delivery.counters();
        this.spool = new Spool(delivery.spoolBytes(), counters);
        this.poster = poster;
        this.backoff = delivery.backoff();
        this.eventsBaseUri = eventsBaseUri;
        for (Payload restored : delivery.restore(eventsBaseUri)) {
            if (spool.offer(restored)) {
                counters.sent(restored.events());
                counters.restored(restored.events());
            } else {
                counters.lost(LossCause.SPOOL_FULL, restored.events(), 1);
            }
        }
        this.thread = new Thread(this::deliver, "launchdarkly-events-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Result sendAnalyticsEvents(byte[] data, int eventCount, URI eventsBaseUri) {
        if (data == null || data.length == 0) {
            return Result.SUCCESS;
        }
        delivery.gate().handedOver(PayloadKinds.gatedEvents(data));
        counters.sent(eventCount);
        if (counters.stopped()) {
            lose(LossCause.DELIVERY_STOPPED, eventCount, 1);
        } else if (!spool.offer(new Payload(UUID.randomUUID().toString(), data, eventCount, eventsBaseUri))) {
            lose(LossCause.SPOOL_FULL, eventCount, 1);
        }
        // Never FAILURE or STOP: the payload is ours now, and after a refused key the later payloads are still counted.
        return Result.SUCCESS;
    }

    @Override
    public Result sendDiagnosticEvent(byte[] data, URI eventsBaseUri) {
        countDroppedInSdk(data);
        if (!counters.stopped()) {
            // Best effort, like the SDK: the figures of a lost diagnostic payload come again in the next one.
            spool.offer(new Payload(null, data, 0, eventsBaseUri));
        }
        return Result.SUCCESS;
    }

    /** Events the SDK's own buffer dropped (it reports them only here): counted as queue drops. */
    private void countDroppedInSdk(byte[] data) {
        try {
            int dropped = PayloadKinds.droppedEvents(data);
            if (dropped > 0) {
                lose(LossCause.QUEUE_FULL, dropped, 0);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Unreadable diagnostic payload: %s", e.toString());
        }
    }

    private void deliver() {
        int failures = 0;
        while (running) {
            try {
                Payload head = spool.awaitHead(IDLE_WAIT_NANOS);
                if (head == null) {
                    continue;
                }
                if (counters.stopped()) {
                    spool.removeHead(head);
                    if (!head.diagnostic()) {
                        lose(LossCause.DELIVERY_STOPPED, head.events(), 1);
                    }
                    continue;
                }
                if (attempt(head)) {
                    failures = 0;
                } else if (head.diagnostic()) {
                    spool.removeHead(head);
                } else {
                    failures++;
                    pause(backoff.after(failures).toNanos());
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "The LaunchDarkly event delivery thread failed; it carries on");
            }
        }
    }

    /** Posts the payload once; returns whether it is settled (delivered, dropped or delivery stopped). */
    private boolean attempt(Payload payload) throws InterruptedException {
        int status;
        try {
            status = poster.post(payload);
        } catch (HttpTimeoutException e) {
            return failed(payload, "no answer within the timeout");
        } catch (IOException e) {
            return failed(payload, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (status >= 200 && status < 300) {
            counters.attempt(false, null);
            spool.removeHead(payload);
            if (!payload.diagnostic()) {
                counters.delivered(payload.events());
            }
            return true;
        }
        if (status == 401 || status == 403) {
            counters.attempt(true, "HTTP " + status);
            stop(status);
            return true;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 413 && status != 429) {
            counters.attempt(true, "HTTP " + status);
            spool.removeHead(payload);
            if (!payload.diagnostic()) {
                lose(LossCause.REJECTED, payload.events(), 1);
            }
            return true;
        }
        return failed(payload, "HTTP " + status);
    }

    private boolean failed(Payload payload, String why) {
        counters.attempt(true, why);
        if (!payload.diagnostic()) {
            delivery.retrying(why);
        }
        return false;
    }

    private void stop(int status) {
        String reason = "LaunchDarkly refused the SDK key (" + status + ") when sending events, so event delivery has"
                + " stopped and later events are counted as lost. Check " + delivery.sdkKeySource()
                + (delivery.sdkKeySource().equals("quarkus.launchdarkly.sdk-key") ? ""
                        : " (or quarkus.launchdarkly.sdk-key)")
                + ": it must be the server-side SDK key of the environment, and the application restarted";
        counters.stopped(reason);
        LOG.error(reason);
        for (Payload left : spool.drain()) {
            if (!left.diagnostic()) {
                lose(LossCause.DELIVERY_STOPPED, left.events(), 1);
            }
        }
    }

    private void lose(LossCause cause, int events, int payloads) {
        counters.lost(cause, events, payloads);
        delivery.lost();
    }

    /** Waits between attempts; during the shutdown drain no longer than the drain's end. */
    private void pause(long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        while (running) {
            Long deadline = drainDeadline;
            long until = deadline == null ? end : Math.min(end, deadline);
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            spool.pause(left);
        }
    }

    /** Delivers until the spool is empty or the drain deadline, then hands what is left to the shutdown. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The SDK closes its sender after its last flush: every admitted event has been handed over or dropped.
        delivery.gate().closed();
        long deadline = delivery.drainDeadline();
        drainDeadline = deadline;
        spool.wake();
        try {
            if (!counters.stopped()) {
                spool.awaitEmpty(Math.max(0, deadline - System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Payload> left = spool.drain().stream().filter(p -> !p.diagnostic()).toList();
        if (!left.isEmpty()) {
            delivery.leftAtShutdown(left);
        }
    }

    URI eventsBaseUri() {
        return eventsBaseUri;
    }
}
