package io.clientele.importing;

/**
 * A row of an import file that was not imported.
 *
 * @param line the line the row starts on (the header is line 1)
 * @param column the column at fault, or {@code -} when the row as a whole is
 * @param reason what is wrong, in English
 */
public record RowError(long line, String column, String reason) {

	static final String WHOLE_ROW = "-";

}
