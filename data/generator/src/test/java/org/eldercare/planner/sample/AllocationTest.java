package org.eldercare.planner.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AllocationTest {
    @Test
    void splits_by_largest_remainder() {
        // 10 over weights 1:1:1 → quotas 3.33 each; floors 3+3+3 = 9, the one left goes to the first (tie → lowest)
        assertArrayEquals(new long[] {4, 3, 3}, Allocation.largestRemainder(10, new double[] {1, 1, 1}));
        // 7 over 0.5:0.3:0.2 → quotas 3.5, 2.1, 1.4; floors 3,2,1 = 6; largest remainder .5 → first
        assertArrayEquals(new long[] {4, 2, 1}, Allocation.largestRemainder(7, new double[] {0.5, 0.3, 0.2}));
        // zero weights get nothing: 5 over 0:2:3 → 0, 2, 3
        assertArrayEquals(new long[] {0, 2, 3}, Allocation.largestRemainder(5, new double[] {0, 2, 3}));
    }

    @Test
    void rejects_bad_input_naming_it() {
        assertThrows(IllegalArgumentException.class, () -> Allocation.largestRemainder(-1, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Allocation.largestRemainder(3, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Allocation.largestRemainder(3, new double[] {1, -2}));
    }
}
