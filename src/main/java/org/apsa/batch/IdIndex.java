package org.apsa.batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ids seen so far in a batch and where each was first seen, in about 24 bytes an id
 * instead of the hundred or more a {@code HashMap<String, ...>} would take: the only part
 * of a batch that grows with the number of fact sets. An id is kept as the first 128 bits of
 * its SHA-256 digest (a collision between two different ids is not a practical concern, even
 * for crafted input), its place as a file number and line.
 *
 * <p>Not thread-safe: the batch reads its input on one thread.
 */
final class IdIndex {

    /** Where an id was first seen: the file's number in the batch and the line. */
    record Place(int file, long line) {
    }

    private static final long EMPTY = 0L;
    private static final int LINE_BITS = 40;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;
    /** The slots to begin with: a power of two, as the probing's mask needs. */
    private static final int INITIAL_CAPACITY = 1024;

    private final MessageDigest sha256;
    private long[] high;
    private long[] low;
    /** file number + 1 in the top 24 bits, the line in the lower 40; 0 marks a free slot. */
    private long[] places;
    private int size;

    IdIndex() {
        high = new long[INITIAL_CAPACITY];
        low = new long[INITIAL_CAPACITY];
        places = new long[INITIAL_CAPACITY];
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Records an id at a place unless it was seen before.
     *
     * @return null when the id is new, else where it was first seen
     */
    Place add(String id, int file, long line) {
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(id.getBytes(StandardCharsets.UTF_8)));
        long h = digest.getLong(0);
        long l = digest.getLong(8);
        int slot = slot(h, l);
        if (places[slot] != EMPTY) {
            return new Place((int) (places[slot] >>> LINE_BITS) - 1, places[slot] & LINE_MASK);
        }
        high[slot] = h;
        low[slot] = l;
        places[slot] = pack(file, line);
        if (++size * 4 > places.length * 3) {
            grow();
        }
        return null;
    }

    /** The slot that holds the digest {@code h, l}, else the free slot where it goes. */
    private int slot(long h, long l) {
        int mask = places.length - 1;
        int slot = (int) h & mask;
        while (places[slot] != EMPTY && (high[slot] != h || low[slot] != l)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long pack(int file, long line) {
        if (file < 0 || file >= (1 << (64 - LINE_BITS)) - 1 || line < 0 || line > LINE_MASK) {
            throw new IllegalArgumentException("place out of range: file " + file + ", line " + line);
        }
        return ((long) (file + 1) << LINE_BITS) | line;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldPlaces = places;
        high = new long[oldPlaces.length * 2];
        low = new long[oldPlaces.length * 2];
        places = new long[oldPlaces.length * 2];
        for (int i = 0; i < oldPlaces.length; i++) {
            if (oldPlaces[i] != EMPTY) {
                int slot = slot(oldHigh[i], oldLow[i]);
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                places[slot] = oldPlaces[i];
            }
        }
    }
}
