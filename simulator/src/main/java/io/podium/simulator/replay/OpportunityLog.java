package io.podium.simulator.replay;

/**
 * The impression opportunities of a simulated day, for the baselines to replay. Append-only
 * and thread-safe: the exchange nodes' threads append, a replay iterates. Stored as parallel
 * primitive arrays (about 29 bytes an entry; two million entries take about 60 MB).
 */
public final class OpportunityLog {
    /** The last second of the day. */
    public static final int LAST_SECOND = 86_399;

    private int size;
    private int[] seconds;
    private long[] masks;
    private long[] externals;
    private long[] floors;
    private boolean[] billed;

    /** An empty log. */
    public OpportunityLog() {
        this(1_024);
    }

    /** An empty log with room for {@code initialCapacity} entries before it grows. */
    public OpportunityLog(int initialCapacity) {
        int n = Math.max(16, initialCapacity);
        seconds = new int[n];
        masks = new long[n];
        externals = new long[n];
        floors = new long[n];
        billed = new boolean[n];
    }

    /** Receives the entries of {@link #forEachInTimeOrder}. */
    @FunctionalInterface
    public interface Visitor {
        /** One opportunity; the arguments are those of {@link #append}. */
        void accept(int second, long eligibleMask, long bestExternalCpmMicros, long floorCpmMicros, boolean billed);
    }

    /**
     * Records one impression opportunity.
     *
     * @param second the second of the simulated day, 0..86399
     * @param eligibleMask bit {@code i} set when campaign {@code i}'s targeting and creatives fit
     *     the imp (at most 64 campaigns)
     * @param bestExternalCpmMicros the highest external DSP bid that arrived in time, CPM; 0 = none
     * @param floorCpmMicros the imp's floor, CPM
     * @param billed whether the player fires the billing notice if the imp is won
     * @throws IllegalArgumentException on a second outside the day or a negative price
     */
    public void append(int second, long eligibleMask, long bestExternalCpmMicros, long floorCpmMicros,
                       boolean billed) {
        if (second < 0 || second > LAST_SECOND) {
            throw new IllegalArgumentException("second must be in 0.." + LAST_SECOND + ", got " + second);
        }
        if (bestExternalCpmMicros < 0 || floorCpmMicros < 0) {
            throw new IllegalArgumentException("prices must be >= 0, got external " + bestExternalCpmMicros
                    + ", floor " + floorCpmMicros);
        }
        synchronized (this) {
            if (size == seconds.length) {
                grow();
            }
            seconds[size] = second;
            masks[size] = eligibleMask;
            externals[size] = bestExternalCpmMicros;
            floors[size] = floorCpmMicros;
            this.billed[size] = billed;
            size++;
        }
    }

    /** The number of entries appended so far. */
    public synchronized int size() {
        return size;
    }

    /**
     * Visits the entries appended before the call, in time order: a stable sort by second, so
     * entries of the same second keep their append order. Appends may go on meanwhile; they are
     * not visited.
     */
    public void forEachInTimeOrder(Visitor visitor) {
        int n;
        int[] sec;
        long[] mask;
        long[] ext;
        long[] floor;
        boolean[] bill;
        // Entries below size are never written again and a growth copies into new arrays,
        // so these references are safe to read outside the lock.
        synchronized (this) {
            n = size;
            sec = seconds;
            mask = masks;
            ext = externals;
            floor = floors;
            bill = billed;
        }
        // counting sort on the second: stable, O(n)
        int[] start = new int[LAST_SECOND + 2];
        for (int i = 0; i < n; i++) {
            start[sec[i] + 1]++;
        }
        for (int s = 1; s < start.length; s++) {
            start[s] += start[s - 1];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[start[sec[i]]++] = i;
        }
        for (int k = 0; k < n; k++) {
            int i = order[k];
            visitor.accept(sec[i], mask[i], ext[i], floor[i], bill[i]);
        }
    }

    private void grow() {
        int n = seconds.length;
        int m = n + (n >> 1);
        if (m < 0 || m > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("opportunity log full at " + n + " entries");
        }
        seconds = java.util.Arrays.copyOf(seconds, m);
        masks = java.util.Arrays.copyOf(masks, m);
        externals = java.util.Arrays.copyOf(externals, m);
        floors = java.util.Arrays.copyOf(floors, m);
        billed = java.util.Arrays.copyOf(billed, m);
    }
}
