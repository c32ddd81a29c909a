package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;

/**
 * Heap promised to the images being scanned right now, across threads. {@link ImageLimits#checkHeap} refuses one
 * image that alone would need more than half the heap; this keeps several large ones together under the same
 * half: a scan whose image does not fit next to the others waits until they are done, so the answer for the same
 * bytes stays the same however busy the service is. Only code that opened a {@link Scope} on its thread (the
 * {@code Scanner}) reserves; a decoder called outside one checks its own image only.
 */
public final class HeapBudget {
    private static final Object LOCK = new Object();
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private static long reserved;

    private HeapBudget() {
    }

    /** Opens this thread's scope (or joins the one already open): what decoders reserve in it is held until close. */
    public static Scope open() {
        Scope open = CURRENT.get();
        if (open != null) {
            return Scope.JOINED;
        }
        Scope scope = new Scope();
        CURRENT.set(scope);
        return scope;
    }

    /**
     * Reserves {@code bytes} for this thread's scope, out of {@code budget} shared by all threads. The first
     * reservation of a scope waits for room; later ones of the same scope never wait (a thread that holds heap must
     * not wait for another that may be waiting for it).
     */
    static void reserve(long bytes, long budget) {
        Scope scope = CURRENT.get();
        if (scope == null || bytes <= 0) {
            return;
        }
        synchronized (LOCK) {
            if (scope.held == 0) {
                while (reserved > 0 && reserved + bytes > budget) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ImageDecodeException(ErrorCode.TIMEOUT, "interrupted while waiting for heap to decode");
                    }
                }
            }
            reserved += bytes;
            scope.held += bytes;
        }
    }

    /** Bytes reserved by all open scopes. */
    public static long reserved() {
        synchronized (LOCK) {
            return reserved;
        }
    }

    /** A thread's hold on the budget; closing it gives back everything reserved in it. */
    public static final class Scope implements AutoCloseable {
        static final Scope JOINED = new Scope();
        private long held;

        private Scope() {
        }

        @Override
        public void close() {
            if (this == JOINED) {
                return;
            }
            CURRENT.remove();
            synchronized (LOCK) {
                reserved -= held;
                held = 0;
                LOCK.notifyAll();
            }
        }
    }
}
