package io.clientele.backoffice;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.clientele.audit.AuditActor;
import io.clientele.importing.CustomerImport;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every open account as Spryker's {@code customer.csv}, streamed as a download (admins
 * only). Never with password hashes: those leave only through the console.
 */
@Controller
class BackofficeExportController {

	private final CustomerImport customerImport;

	private final Clock clock;

	BackofficeExportController(CustomerImport customerImport, Clock clock) {
		this.customerImport = customerImport;
		this.clock = clock;
	}

	// A GET, as it changes nothing; the export puts itself on record before the first
	// row leaves.
	@GetMapping("/backoffice/customers/export")
	void export(AuditActor staff, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=customers-" + LocalDate.now(clock) + ".csv");
		var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		customerImport.exportCustomers(out, false, staff);
		out.flush();
	}

}
