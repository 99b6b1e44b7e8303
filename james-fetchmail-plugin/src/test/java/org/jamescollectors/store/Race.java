package org.jamescollectors.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Starts the same task on several threads at the same moment, and collects what each returned. */
public final class Race implements AutoCloseable {
    /** One racer; {@code racer} is its number, from 0. */
    public interface Racer<T> {
        T run(int racer) throws Exception;
    }

    private final int racers;
    private final ExecutorService threads;

    private Race(int racers) {
        this.racers = racers;
        this.threads = Executors.newFixedThreadPool(racers);
    }

    public static Race of(int racers) {
        return new Race(racers);
    }

    /** Runs one round; throws what any racer threw. */
    public <T> List<T> round(Racer<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Future<T>> running = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            int racer = i;
            Callable<T> call = () -> {
                start.await(30, TimeUnit.SECONDS);
                return task.run(racer);
            };
            running.add(threads.submit(call));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : running) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }
}
