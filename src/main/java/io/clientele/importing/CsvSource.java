package io.clientele.importing;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * An import file, read as a stream: UTF-8 with or without BOM, comma-separated, fields
 * quoted or not, lines ending in CRLF or LF. The header must be exactly the expected one;
 * otherwise the file is refused before a row is read.
 */
final class CsvSource implements AutoCloseable {

	/** The longest row read; a longer one (or an unclosed quote) stops the reading. */
	static final int MAX_ROW_CHARACTERS = 1 << 20;

	/** What an invalid UTF-8 byte sequence is decoded to. */
	static final char REPLACEMENT = '\uFFFD';

	// FastCSV's messages end with "(record starting at line N)"
	private static final java.util.regex.Pattern LINE = java.util.regex.Pattern
		.compile("record starting at line (\\d+)");

	private final CountingStream bytes;

	private final long size;

	private final CsvReader<CsvRecord> reader;

	private final Iterator<CsvRecord> records;

	private final List<String> header;

	private CsvSource(InputStream in, long size, List<String> header) throws IOException {
		this.header = header;
		this.size = size;
		this.bytes = new CountingStream(new BufferedInputStream(in, 1 << 16));
		skipByteOrderMark();
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		this.reader = CsvReader.builder()
			.extraFieldStrategy(FieldMismatchStrategy.IGNORE)
			.missingFieldStrategy(FieldMismatchStrategy.IGNORE)
			.maxBufferSize(MAX_ROW_CHARACTERS)
			.ofCsvRecord(new InputStreamReader(bytes, decoder));
		this.records = reader.iterator();
	}

	/**
	 * Opens the file and checks its header.
	 * @throws ImportRefused when the file is missing, empty or has another header
	 */
	static CsvSource open(Path file, List<String> header) {
		if (Files.isDirectory(file)) {
			throw new ImportRefused(file + " is a directory, not a CSV file.");
		}
		CsvSource source;
		try {
			source = new CsvSource(Files.newInputStream(file), Files.size(file), header);
		}
		catch (NoSuchFileException ex) {
			throw new ImportRefused("There is no file " + file + ".");
		}
		catch (IOException ex) {
			throw new ImportRefused("Cannot read " + file + ": " + ex.getMessage());
		}
		return checked(source);
	}

	/**
	 * Reads an import from a stream of {@code size} bytes (an upload kept in the
	 * database) and checks its header; the source closes the stream.
	 * @throws ImportRefused when the file is empty or has another header
	 */
	static CsvSource open(InputStream in, long size, List<String> header) {
		CsvSource source;
		try {
			source = new CsvSource(in, size, header);
		}
		catch (IOException ex) {
			throw new ImportRefused("Cannot read the file: " + ex.getMessage());
		}
		return checked(source);
	}

	private static CsvSource checked(CsvSource source) {
		try {
			source.checkHeader();
			return source;
		}
		catch (RuntimeException ex) {
			source.close();
			throw ex;
		}
	}

	private void skipByteOrderMark() throws IOException {
		bytes.mark(4);
		var first = new byte[3];
		var read = bytes.readNBytes(first, 0, 3);
		if (read >= 2 && ((first[0] == (byte) 0xFF && first[1] == (byte) 0xFE)
				|| (first[0] == (byte) 0xFE && first[1] == (byte) 0xFF))) {
			throw new ImportRefused("The file is UTF-16 encoded; save it as UTF-8 (\"CSV UTF-8\" in spreadsheets).");
		}
		if (!(read == 3 && first[0] == (byte) 0xEF && first[1] == (byte) 0xBB && first[2] == (byte) 0xBF)) {
			bytes.reset();
		}
	}

	private void checkHeader() {
		var expected = String.join(",", header);
		CsvRecord first;
		try {
			if (!records.hasNext()) {
				throw new ImportRefused("The file is empty. Its first line must be the header: " + expected);
			}
			first = records.next();
		}
		catch (CsvParseException ex) {
			throw new ImportRefused(
					"The header line cannot be read (" + ex.getMessage() + "). The first line must be: " + expected);
		}
		var found = first.getFields().stream().map(String::strip).toList();
		if (found.equals(header)) {
			return;
		}
		var start = first.getStartingLineNumber() == 1 ? "The header" : "The header (line 1)";
		if (found.size() == 1) {
			var only = found.get(0);
			for (var separator : List.of(";", "\t", "|")) {
				if (only.contains(separator)) {
					throw new ImportRefused(start + " has a single column separated by "
							+ ("\t".equals(separator) ? "tabs" : "'" + separator + "'")
							+ ". Clientele reads comma-separated files, as Spryker does: " + expected);
				}
			}
		}
		var missing = new ArrayList<>(header);
		missing.removeAll(found);
		var unknown = new ArrayList<>(found);
		unknown.removeAll(header);
		var problem = new StringBuilder(start);
		if (missing.isEmpty() && unknown.isEmpty() && new HashSet<>(found).size() == found.size()) {
			problem.append(" has the right columns in another order.");
		}
		else {
			problem.append(" is not the expected one.");
			if (!missing.isEmpty()) {
				problem.append(" Missing: ").append(String.join(", ", missing)).append('.');
			}
			if (!unknown.isEmpty()) {
				problem.append(" Unknown: ").append(String.join(", ", unknown)).append('.');
			}
		}
		throw new ImportRefused(problem.append(" The first line must be exactly: ").append(expected).toString());
	}

	/**
	 * The next row, or null at the end of the file.
	 * @throws UnreadableRow when the rest of the file cannot be read
	 */
	CsvRecord next() throws UnreadableRow {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (CsvParseException ex) {
			var line = LINE.matcher(ex.getMessage());
			throw new UnreadableRow(line.find() ? Long.parseLong(line.group(1)) : 0,
					ex.getMessage().contains("maximum buffer size")
							? "a field is longer than " + (MAX_ROW_CHARACTERS >> 20)
									+ " million characters, or a quote is not closed"
							: ex.getMessage().replaceAll("\\s*\\(record starting at line \\d+\\)", ""));
		}
		catch (java.io.UncheckedIOException ex) {
			throw new UnreadableRow(0, "the file could not be read further: " + ex.getMessage());
		}
	}

	long bytesRead() {
		return bytes.count;
	}

	long size() {
		return size;
	}

	@Override
	public void close() {
		try {
			reader.close();
		}
		catch (IOException ex) {
			// nothing was written through it
		}
	}

	/** The rest of the file cannot be read; the reason is in English. */
	static final class UnreadableRow extends Exception {

		private final long line;

		UnreadableRow(long line, String reason) {
			super(reason, null, false, false);
			this.line = line;
		}

		/** The line the unreadable row starts on, or 0 when unknown. */
		long line() {
			return line;
		}

	}

	private static final class CountingStream extends FilterInputStream {

		private long count;

		private long mark;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			var b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			var n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
			}
			return n;
		}

		@Override
		public synchronized void mark(int limit) {
			super.mark(limit);
			mark = count;
		}

		@Override
		public synchronized void reset() throws IOException {
			super.reset();
			count = mark;
		}

	}

}
