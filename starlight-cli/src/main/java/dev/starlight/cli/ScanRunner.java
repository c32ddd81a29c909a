package dev.starlight.cli;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.core.scan.ScanResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Scans many files on {@code threads} workers and hands the results back in input order.
 *
 * <p>Each worker runs one file's read-and-scan on a separate thread and waits for it at most the time limit.
 * A file that takes longer gets a {@code TIMEOUT} error row and the worker moves on: the late scan is interrupted
 * and abandoned (Java cannot stop a thread, so it may keep a core busy until it ends; its threads are daemons and
 * never keep the process alive). Results are emitted in input order as soon as every earlier file is done, so the
 * output is the same whatever the thread count; {@code onDone} sees each result when it completes (for progress).
 */
final class ScanRunner {
    private final FileScanner files;
    private final int threads;
    private final Duration timeout;

    ScanRunner(FileScanner files, int threads, Duration timeout) {
        this.files = files;
        this.threads = threads;
        this.timeout = timeout;
    }

    void run(List<Path> paths, Consumer<ScanResult> inOrder, Consumer<ScanResult> onDone)
            throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemons("starlight-worker-"));
        ExecutorService scans = Executors.newCachedThreadPool(daemons("starlight-scan-"));
        try {
            List<Future<ScanResult>> pending = new ArrayList<>(paths.size());
            for (Path path : paths) {
                pending.add(workers.submit(() -> {
                    ScanResult result = scanWithin(scans, path);
                    onDone.accept(result);
                    return result;
                }));
            }
            for (Future<ScanResult> future : pending) {
                inOrder.accept(resultOf(future));
            }
        } finally {
            workers.shutdownNow();
            scans.shutdownNow();
        }
    }

    private ScanResult scanWithin(ExecutorService scans, Path path) {
        long start = System.nanoTime();
        AtomicReference<byte[]> read = new AtomicReference<>();
        Future<ScanResult> scan = scans.submit(() -> files.scan(path, read::set));
        try {
            return scan.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            scan.cancel(true);
            return ErrorResults.of(path.toString(), read.get(), ErrorCode.TIMEOUT.name(),
                    "scan took longer than " + timeout.toSeconds() + " s (--timeout-seconds)", elapsedMs(start));
        } catch (InterruptedException e) {
            scan.cancel(true);
            Thread.currentThread().interrupt();
            return ErrorResults.of(path.toString(), read.get(), ErrorCode.INTERNAL.name(), "interrupted",
                    elapsedMs(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return ErrorResults.of(path.toString(), read.get(), ErrorCode.INTERNAL.name(),
                    cause.getClass().getSimpleName() + ": " + cause.getMessage(), elapsedMs(start));
        }
    }

    private static ScanResult resultOf(Future<ScanResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a scan worker failed", e.getCause()); // scanWithin never throws
        }
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
