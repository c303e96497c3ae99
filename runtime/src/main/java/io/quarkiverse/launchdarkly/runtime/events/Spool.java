package io.quarkiverse.launchdarkly.runtime.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The payloads waiting for delivery, oldest first, bounded by the bytes of their bodies. Offering never blocks, so the
 * SDK's flush threads never wait for LaunchDarkly; the delivery thread waits here for work.
 */
final class Spool {

    private final long maxBytes;
    private final DeliveryCounters counters;
    private final ArrayDeque<Payload> payloads = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long bytes;

    Spool(long maxBytes, DeliveryCounters counters) {
        this.maxBytes = maxBytes;
        this.counters = counters;
    }

    /** Adds the payload at the end, unless it does not fit; returns whether it was added. */
    boolean offer(Payload payload) {
        lock.lock();
        try {
            if (bytes + payload.body().length > maxBytes) {
                return false;
            }
            add(payload);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void add(Payload payload) {
        payloads.addLast(payload);
        bytes += payload.body().length;
        counters.spooled(payload.body().length, payload.events(), 1);
        changed.signalAll();
    }

    /** The oldest payload, waiting at most this long for one; null when there is none. */
    Payload awaitHead(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (payloads.isEmpty() && left > 0) {
                left = changed.awaitNanos(left);
            }
            return payloads.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the oldest payload, which the caller got from {@link #awaitHead(long)}. */
    void removeHead(Payload head) {
        lock.lock();
        try {
            if (payloads.peekFirst() == head) {
                payloads.removeFirst();
                bytes -= head.body().length;
                counters.spooled(-head.body().length, -head.events(), -1);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns every payload, oldest first. */
    List<Payload> drain() {
        lock.lock();
        try {
            List<Payload> all = new ArrayList<>(payloads);
            for (Payload payload : all) {
                counters.spooled(-payload.body().length, -payload.events(), -1);
            }
            payloads.clear();
            bytes = 0;
            changed.signalAll();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the spool is empty or the time is up; returns whether it is empty. */
    boolean awaitEmpty(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (!payloads.isEmpty() && left > 0) {
                left = changed.awaitNanos(left);
            }
            return payloads.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes up a waiting delivery thread (for shutdown). */
    void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits on the spool's condition, so that {@link #wake()} ends the wait early. */
    void pause(long nanos) throws InterruptedException {
        lock.lock();
        try {
            changed.await(nanos, TimeUnit.NANOSECONDS);
        } finally {
            lock.unlock();
        }
    }
}
