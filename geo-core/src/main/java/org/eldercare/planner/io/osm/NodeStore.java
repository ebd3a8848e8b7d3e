package org.eldercare.planner.io.osm;

import java.util.Arrays;

/**
 * Node id → (lon, lat) in an open-addressing hash table of primitive arrays: about 32 bytes per node instead of
 * ~100 for a {@code HashMap<Long, double[]>}. Not thread-safe.
 */
final class NodeStore {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private double[] lons;
    private double[] lats;
    private int size;

    NodeStore() {
        alloc(1 << 12);
    }

    private void alloc(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        lons = new double[capacity];
        lats = new double[capacity];
        size = 0;
    }

    int size() {
        return size;
    }

    void put(long id, double lon, double lat) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(id);
        if (keys[i] == EMPTY) {
            size++;
        }
        keys[i] = id;
        lons[i] = lon;
        lats[i] = lat;
    }

    /** Writes the node's (lon, lat) into {@code out}; false when the node is unknown. */
    boolean get(long id, double[] out) {
        int i = slot(id);
        if (keys[i] == EMPTY) {
            return false;
        }
        out[0] = lons[i];
        out[1] = lats[i];
        return true;
    }

    private int slot(long id) {
        int mask = keys.length - 1;
        int i = (int) (mix(id) & mask);
        while (keys[i] != EMPTY && keys[i] != id) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    private void grow() {
        long[] k = keys;
        double[] lo = lons;
        double[] la = lats;
        alloc(k.length * 2);
        for (int i = 0; i < k.length; i++) {
            if (k[i] != EMPTY) {
                put(k[i], lo[i], la[i]);
            }
        }
    }
}
