package dev.starlight.core.search.steghide;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The order in which steghide visits samples for one seed: a pseudo-random permutation of {@code 0 .. maximum-1},
 * computed lazily as far as it is read. It is steghide's own lazy shuffle (position {@code j} draws {@code k} from
 * {@code j .. maximum-1}; a {@code k} drawn before is replaced through the {@code y} bookkeeping), reproduced step
 * for step because a collision handled any other way sends every later bit to another sample.
 */
final class SteghideSelector {
    /** Up to this many positions, x is searched linearly, as steghide does (the header needs 195). */
    private static final int LINEAR = 256;

    private final int maximum;
    private SteghideRandom random;
    private int[] x = new int[LINEAR];
    private int[] y = new int[LINEAR];
    private int count;
    /** value of x -> the first position holding it (steghide searches x from the start); beyond LINEAR only. */
    private Map<Integer, Integer> firstPosition;

    SteghideSelector(int maximum, int seed) {
        this.maximum = maximum;
        this.random = new SteghideRandom(seed);
    }

    /** Starts again for another seed (the search reuses one selector per thread). */
    void reset(int seed) {
        random = new SteghideRandom(seed);
        count = 0;
        firstPosition = null;
    }

    /** The sample at position {@code i} of the permutation. */
    int get(int i) {
        if (i >= maximum) {
            throw new IllegalArgumentException("position " + i + " beyond " + maximum + " samples");
        }
        while (count <= i) {
            step();
        }
        return x[i];
    }

    private void step() {
        int j = count;
        if (j == x.length) {
            x = Arrays.copyOf(x, j * 2);
            y = Arrays.copyOf(y, j * 2);
        }
        int k = j + random.next(maximum - j);
        int i = positionBefore(k, j);
        if (i >= 0) {
            set(j, y[i]);
            if (x[j] > j) {
                y[j] = j;
            }
            if (x[i] > j) {
                y[i] = j;
                int l = positionBefore(y[i], j);
                if (l >= 0) {
                    y[i] = y[l];
                }
            }
        } else {
            set(j, k);
            y[j] = j;
        }
        if (x[j] > j) {
            int l = positionBefore(y[j], j);
            if (l >= 0) {
                y[j] = y[l];
            }
        }
        count++;
    }

    /** The first position before {@code limit} that holds {@code value}, or -1. */
    private int positionBefore(int value, int limit) {
        if (firstPosition == null) {
            for (int i = 0; i < limit; i++) {
                if (x[i] == value) {
                    return i;
                }
            }
            return -1;
        }
        Integer p = firstPosition.get(value);
        return p != null && p < limit ? p : -1;
    }

    private void set(int position, int value) {
        x[position] = value;
        if (firstPosition == null && position >= LINEAR) {
            firstPosition = new HashMap<>();
            for (int i = 0; i < position; i++) {
                firstPosition.putIfAbsent(x[i], i);
            }
        }
        if (firstPosition != null) {
            firstPosition.putIfAbsent(value, position);
        }
    }
}
