package org.jamescollectors.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * This JVM's heap over one measured span: each heap pool's peak (reset at the start), and the
 * heap in use just before each garbage collection, the highest of which is what the heap really
 * held at once (garbage included, as the collector had not yet run).
 */
final class HeapWatch implements NotificationListener {
    private final List<MemoryPoolMXBean> heapPools;
    private final AtomicLong highestBeforeGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    private HeapWatch() {
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .collect(Collectors.toList());
    }

    /** Listens to every collector of this JVM; {@link #start()} opens a span. */
    static HeapWatch install() {
        HeapWatch watch = new HeapWatch();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(watch, null, null);
        }
        return watch;
    }

    /** The heap in use after two full collections: what is alive, no garbage. */
    static long liveHeapBytes() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long maxHeapBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    void start() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        highestBeforeGc.set(usedNow());
        collections.set(0);
    }

    /** The sum of each heap pool's peak: an upper bound, pools peak at different moments. */
    long poolPeaksBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The most the heap held at once: just before a collection, or now. */
    long highestInUseBytes() {
        return Math.max(highestBeforeGc.get(), usedNow());
    }

    long collections() {
        return collections.get();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
            .equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
            (CompositeData) notification.getUserData());
        long before = heapOnly(info.getGcInfo().getMemoryUsageBeforeGc());
        highestBeforeGc.accumulateAndGet(before, Math::max);
        collections.incrementAndGet();
    }

    private long heapOnly(Map<String, MemoryUsage> usage) {
        return heapPools.stream().map(MemoryPoolMXBean::getName)
            .filter(usage::containsKey)
            .mapToLong(name -> usage.get(name).getUsed())
            .sum();
    }

    private static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
