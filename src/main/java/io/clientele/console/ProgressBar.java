package io.clientele.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import io.clientele.importing.ImportListener;

/**
 * {@code [#########...........]  45%  450,000 rows  52,310 rows/s  0:11 left} on one
 * terminal line, redrawn at most ten times a second; nothing when the output is not a
 * terminal (the command prints one summary line instead).
 */
final class ProgressBar implements ImportListener {

	private static final int WIDTH = 30;

	private final PrintWriter out;

	private final String unit;

	private final boolean enabled;

	private final long started = System.nanoTime();

	private long lastDrawn;

	private boolean drawn;

	ProgressBar(PrintWriter out, String unit, boolean enabled) {
		this.out = out;
		this.unit = unit;
		this.enabled = enabled;
	}

	static ProgressBar onTerminal(PrintWriter out, String unit) {
		return new ProgressBar(out, unit, Terminal.interactive());
	}

	@Override
	public void progress(long bytesRead, long totalBytes, long rows) {
		var fraction = totalBytes <= 0 ? 1.0 : Math.min(1.0, (double) bytesRead / totalBytes);
		draw(fraction, rows, false);
	}

	/** Progress counted in items of a known number (mails queued of all customers). */
	void items(long done, long total) {
		// more than counted when customers registered meanwhile
		draw(total <= 0 ? 1.0 : Math.min(1.0, (double) done / total), done, done >= total);
	}

	private void draw(double fraction, long count, boolean force) {
		if (!enabled) {
			return;
		}
		var now = System.nanoTime();
		if (!force && drawn && now - lastDrawn < 100_000_000L && fraction < 1.0) {
			return;
		}
		lastDrawn = now;
		drawn = true;
		var elapsed = (now - started) / 1e9;
		var rate = elapsed <= 0 ? 0 : count / elapsed;
		var filled = (int) Math.round(fraction * WIDTH);
		var left = fraction <= 0 || fraction >= 1 ? Duration.ZERO
				: Duration.ofSeconds((long) (elapsed * (1 - fraction) / fraction));
		out.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %,d %s  %,.0f %s/s  %d:%02d left ", "#".repeat(filled),
				".".repeat(WIDTH - filled), (int) (fraction * 100), count, unit, rate, unit, left.toMinutes(),
				left.toSecondsPart()));
		out.flush();
	}

	/** Ends the bar's line, so that what follows starts on a new one. */
	void done() {
		if (enabled && drawn) {
			out.println();
		}
	}

}
