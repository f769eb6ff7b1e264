package io.kalamdb.core.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * A sample of the current thread's CPU time (nanoseconds) and allocated heap bytes, from the JVM's
 * {@link ThreadMXBean} (allocation from HotSpot's {@code com.sun.management.ThreadMXBean}); -1 where the JVM
 * does not measure it. The difference of two samples on one thread is what a job used.
 */
record ThreadUsage(long cpuNanos, long allocatedBytes) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final LongSupplier ALLOCATED = allocationCounter();

    /** @return the current thread's usage so far */
    static ThreadUsage sample() {
        return new ThreadUsage(THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1,
                ALLOCATED.getAsLong());
    }

    /** @return CPU microseconds used on this thread since {@code start}, or null if not measured */
    Long cpuMicrosSince(ThreadUsage start) {
        return cpuNanos < 0 || start.cpuNanos < 0 ? null : (cpuNanos - start.cpuNanos) / 1_000;
    }

    /** @return heap bytes allocated on this thread since {@code start}, or null if not measured */
    Long bytesSince(ThreadUsage start) {
        return allocatedBytes < 0 || start.allocatedBytes < 0 ? null : allocatedBytes - start.allocatedBytes;
    }

    /** The JDK extension may be hidden from applications (or absent on other JVMs): then nothing is measured. */
    private static LongSupplier allocationCounter() {
        try {
            if (THREADS instanceof com.sun.management.ThreadMXBean hotspot
                    && hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled()) {
                return hotspot::getCurrentThreadAllocatedBytes;
            }
        } catch (LinkageError e) {
            return () -> -1;
        }
        return () -> -1;
    }
}
