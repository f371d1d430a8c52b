package io.clientele.importing;

/**
 * CSV cells that a spreadsheet would run as a formula (OWASP "CSV injection"): a cell
 * starting with {@code = + - @}, a tab or a carriage return is written with a leading
 * {@code '}, which spreadsheets show as text; the import takes that quote off again, so
 * an export imports back unchanged.
 */
final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	/** The cell as a spreadsheet shows it as text. */
	static String neutralised(String cell) {
		return startsAFormula(cell, 0) ? "'" + cell : cell;
	}

	/**
	 * The cell as {@link #neutralised} found it: a quote before a formula character is
	 * taken off (a value that really starts with {@code '=} loses its quote).
	 */
	static String restored(String cell) {
		return cell.length() > 1 && cell.charAt(0) == '\'' && startsAFormula(cell, 1) ? cell.substring(1) : cell;
	}

	private static boolean startsAFormula(String cell, int at) {
		if (cell.length() <= at) {
			return false;
		}
		return switch (cell.charAt(at)) {
			case '=', '+', '-', '@', '\t', '\r' -> true;
			default -> false;
		};
	}

}
