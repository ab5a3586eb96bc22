package dev.whiteboard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialQueuesTest {

    /** An item: who added it (a producer) and its place among that producer's items. */
    private record Item(int producer, int seq) {}

    @Test
    void oneWorkerAtATimePerKeyAndItemsInTheOrderAdded() throws InterruptedException {
        SerialQueues<String, Item> queues = new SerialQueues<>();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        int producers = 4;
        int items = 20_000;
        List<String> keys = List.of("a", "b");
        Map<String, AtomicInteger> holding = new ConcurrentHashMap<>();
        Map<String, List<Item>> done = new ConcurrentHashMap<>();
        keys.forEach(k -> {
            holding.put(k, new AtomicInteger());
            done.put(k, Collections.synchronizedList(new ArrayList<>()));
        });
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(producers * items * keys.size());

        class Worker implements Runnable {
            private final SerialQueues<String, Item>.Lane lane;

            Worker(SerialQueues<String, Item>.Lane lane) {
                this.lane = lane;
            }

            @Override
            public void run() {
                List<Item> taken = lane.next(3, (first, next) -> true);
                if (taken.isEmpty()) {
                    return;
                }
                if (holding.get(lane.key()).incrementAndGet() != 1) {
                    overlaps.incrementAndGet();
                }
                done.get(lane.key()).addAll(taken);
                holding.get(lane.key()).decrementAndGet();
                taken.forEach(t -> finished.countDown());
                workers.execute(this); // the lane goes back to the pool between turns, as BoardCommits does
            }
        }

        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < items; i++) {
                    for (String key : keys) {
                        queues.add(key, new Item(producer, i)).ifPresent(lane -> workers.execute(new Worker(lane)));
                    }
                    if (i % 50 == 0) {
                        Thread.yield(); // let the lanes run dry now and then, so that lanes come and go
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(finished.await(60, TimeUnit.SECONDS), "every item was taken");
        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));

        assertEquals(0, overlaps.get(), "two workers held one key's items at once");
        for (String key : keys) {
            int[] next = new int[producers];
            for (Item item : done.get(key)) {
                assertEquals(next[item.producer()], item.seq(), "producer " + item.producer() + " on " + key);
                next[item.producer()]++;
            }
            for (int p = 0; p < producers; p++) {
                assertEquals(items, next[p], "all of producer " + p + " on " + key);
            }
        }
    }

    @Test
    void takesTheFirstAndThoseThatJoinItUpToTheMost() {
        SerialQueues<String, String> queues = new SerialQueues<>();
        SerialQueues<String, String>.Lane lane = queues.add("k", "m1").orElseThrow();
        for (String item : List.of("m2", "m3", "op", "m4")) {
            assertTrue(queues.add("k", item).isEmpty(), "a worker has the lane");
        }
        assertEquals(List.of("m1", "m2"), lane.next(2, (first, next) -> next.startsWith("m")));
        assertEquals(List.of("m3"), lane.next(5, (first, next) -> next.startsWith("m")));
        assertEquals(List.of("op"), lane.next(5, (first, next) -> first.startsWith("m")));
        assertEquals(List.of("m4"), lane.next(5, (first, next) -> true));
        assertEquals(List.of(), lane.next(5, (first, next) -> true));
        assertTrue(queues.add("k", "again").isPresent(), "a new lane once the old one ran dry");
    }
}
