package fi.askel.support;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a job on two threads released at the same moment, as two instances' schedulers would fire it. */
public final class AtOnce {

    private AtOnce() {}

    /** Runs {@code job} twice at once and waits for both; a failure in either fails the caller. */
    public static void twice(Runnable job) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Void> run = () -> {
                start.await(10, TimeUnit.SECONDS);
                job.run();
                return null;
            };
            for (Future<Void> f : pool.invokeAll(List.of(run, run), 2, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
