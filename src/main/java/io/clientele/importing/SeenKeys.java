package io.clientele.importing;

import java.util.Arrays;

/**
 * The keys (references, addresses) seen so far in a file and the line of each, to report
 * a duplicate with the line of its first occurrence. Keys are kept as 64-bit FNV-1a
 * hashes in an open-addressing table, 12 bytes a key, so a million rows cost about 24 MB
 * instead of the strings themselves.
 */
final class SeenKeys {

	private static final long EMPTY = 0;

	private long[] keys = new long[1 << 12];

	private int[] lines = new int[1 << 12];

	private int size;

	/** Remembers the key at the line; returns the line it was seen on before, or 0. */
	long firstLineOf(String key, long line) {
		if (size * 2 >= keys.length) {
			grow();
		}
		var hash = hash(key);
		var slot = slot(hash, keys.length);
		while (keys[slot] != EMPTY) {
			if (keys[slot] == hash) {
				return lines[slot];
			}
			slot = (slot + 1) & (keys.length - 1);
		}
		keys[slot] = hash;
		lines[slot] = (int) Math.min(line, Integer.MAX_VALUE);
		size++;
		return 0;
	}

	private void grow() {
		var oldKeys = keys;
		var oldLines = lines;
		keys = new long[oldKeys.length * 2];
		lines = new int[oldKeys.length * 2];
		for (var i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != EMPTY) {
				var slot = slot(oldKeys[i], keys.length);
				while (keys[slot] != EMPTY) {
					slot = (slot + 1) & (keys.length - 1);
				}
				keys[slot] = oldKeys[i];
				lines[slot] = oldLines[i];
			}
		}
		Arrays.fill(oldKeys, 0);
	}

	private static int slot(long hash, int capacity) {
		return (int) ((hash ^ (hash >>> 32)) & (capacity - 1));
	}

	static long hash(String key) {
		var hash = 0xcbf29ce484222325L;
		for (var i = 0; i < key.length(); i++) {
			hash ^= key.charAt(i);
			hash *= 0x100000001b3L;
		}
		// 0 marks an empty slot
		return hash == EMPTY ? 1 : hash;
	}

}
