package io.modelcatalog.fetching;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * The parse slots of one run ({@link FetchOptions#parseSlots()}) and the most taken at once. A provider takes one
 * once it has to parse (its body, and its enrichment's, arrived, and its files are not already the ones that body
 * made) and gives it back when its files are written.
 */
final class ParseSlots {

    /** What is done holding a slot. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws FetchException, IOException;
    }

    private final Semaphore free;
    private int taken;
    private int mostTaken;

    ParseSlots(int slots) {
        free = new Semaphore(slots);
    }

    /** Runs {@code work} holding a slot, waiting for one first. */
    <T> T holding(Work<T> work) throws FetchException, IOException {
        take();
        try {
            return work.run();
        } finally {
            give();
        }
    }

    private void take() {
        // uninterruptible: a holder only parses and writes, and always gives its slot back
        free.acquireUninterruptibly();
        synchronized (this) {
            taken++;
            mostTaken = Math.max(mostTaken, taken);
        }
    }

    private void give() {
        synchronized (this) {
            taken--;
        }
        free.release();
    }

    synchronized int mostTaken() {
        return mostTaken;
    }
}
