package io.clientele.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load: {@code clients} virtual threads send one request after the other
 * for a while; what came back, how fast, and the CPU it cost the node and PostgreSQL.
 */
final class Load {

	private Load() {
	}

	/** One request: sends it for the request number, returns the status (-1: none). */
	@FunctionalInterface
	interface Request {

		int send(long n) throws Exception;

	}

	/**
	 * What a round did. {@code rate} counts only the expected answers per second;
	 * {@code answers} counts every status.
	 */
	record Result(double rate, double p50, double p99, double cpuMillisPerRequest, Map<Integer, Long> answers) {

		String answersText() {
			return answers.toString().replace("-1=", "none=");
		}

	}

	/** Sends requests from {@code clients} virtual threads for the duration. */
	static Result round(BenchNode node, int clients, Duration duration, List<Integer> expected, Request request)
			throws InterruptedException {
		var answers = new ConcurrentHashMap<Integer, LongAdder>();
		var latencies = new ArrayList<long[]>();
		var counts = new ArrayList<int[]>();
		var counter = new AtomicLong();
		var cpuBefore = node.cpuNanos();
		var started = System.nanoTime();
		var end = started + duration.toNanos();
		var threads = new ArrayList<Thread>();
		for (var c = 0; c < clients; c++) {
			var own = new long[1 << 16];
			var count = new int[1];
			latencies.add(own);
			counts.add(count);
			threads.add(Thread.ofVirtual().start(() -> {
				while (System.nanoTime() < end) {
					var n = counter.getAndIncrement();
					var sent = System.nanoTime();
					int status;
					try {
						status = request.send(n);
					}
					catch (Exception ex) {
						status = -1;
					}
					answers.computeIfAbsent(status, s -> new LongAdder()).increment();
					if (count[0] < own.length) {
						own[count[0]++] = System.nanoTime() - sent;
					}
				}
			}));
		}
		for (var thread : threads) {
			thread.join();
		}
		var seconds = (System.nanoTime() - started) / 1e9;
		var cpu = node.cpuNanos() - cpuBefore;
		var all = new ArrayList<long[]>();
		for (var c = 0; c < clients; c++) {
			all.add(Arrays.copyOf(latencies.get(c), counts.get(c)[0]));
		}
		var sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		var byStatus = new TreeMap<Integer, Long>();
		answers.forEach((status, n) -> byStatus.put(status, n.sum()));
		var total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		var good = expected.stream().mapToLong(status -> byStatus.getOrDefault(status, 0L)).sum();
		return new Result(good / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
				total == 0 ? 0 : cpu / 1e6 / total, byStatus);
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e6;
	}

}
