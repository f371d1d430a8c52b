package io.clientele.multifactor;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as inline SVG, for pages whose Content Security Policy allows no scripts and
 * images only from the page's own origin or {@code data:}.
 */
public final class QrCodes {

	private static final int QUIET_ZONE = 4;

	private QrCodes() {
	}

	/** An SVG image of the text as a QR code, one unit per module. */
	public static String svg(String text) {
		try {
			var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
			var size = matrix.getWidth() + 2 * QUIET_ZONE;
			var path = new StringBuilder();
			for (var y = 0; y < matrix.getHeight(); y++) {
				for (var x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
					}
				}
			}
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
					+ "\" width=\"220\" height=\"220\" shape-rendering=\"crispEdges\" role=\"img\">"
					+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path
					+ "\"/></svg>";
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Text too long for a QR code", ex);
		}
	}

	/** The SVG as a {@code data:} URI, for an {@code img} element. */
	public static String dataUri(String text) {
		return "data:image/svg+xml;base64," + java.util.Base64.getEncoder()
			.encodeToString(svg(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
