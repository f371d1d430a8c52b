package io.clientele.backoffice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.audit.AuditActor;
import io.clientele.importing.ImportJob;
import io.clientele.importing.ImportJobStatus;
import io.clientele.importing.ImportJobs;
import io.clientele.importing.ImportKind;
import io.clientele.importing.ImportReport;
import io.clientele.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Importing customers ({@code customer.csv}), their addresses or customer groups (admins
 * only): upload, the dry run's report, the import with its progress, resuming an
 * interrupted run, the lists of failed rows. The work, and all its state, is
 * {@link ImportJobs}', in the database: any node shows any job.
 */
@Controller
class BackofficeImportController {

	static final String PATH = "/backoffice/customers/import";

	private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final ImportJobs imports;

	private final MessageSource messages;

	private final DataSize uploadLimit;

	BackofficeImportController(ImportJobs imports, MessageSource messages,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit) {
		this.imports = imports;
		this.messages = messages;
		this.uploadLimit = uploadLimit;
	}

	/**
	 * The form; {@code ?too-large} after a file over the limit (see
	 * BackofficeUploadLimitFilter).
	 */
	@GetMapping(PATH)
	String form(@RequestParam(name = "too-large", required = false) @Nullable String tooLarge,
			@RequestParam(defaultValue = "customers") String kind, Model model) {
		model.addAttribute("kind", kind(kind));
		return form(model, null, HttpStatus.OK, tooLarge != null ? "backoffice.import.too-large" : null);
	}

	@PostMapping(PATH)
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "customers") String kind,
			@RequestParam(defaultValue = "false") boolean plaintextPasswords,
			@AuthenticationPrincipal StaffPrincipal staff, AuditActor actor, Model model,
			HttpServletResponse response) {
		var chosen = kind(kind);
		model.addAttribute("kind", chosen);
		if (file == null || file.isEmpty()) {
			return form(model, response, HttpStatus.UNPROCESSABLE_CONTENT, "backoffice.import.empty");
		}
		ImportJob job;
		try (var content = file.getInputStream()) {
			job = imports.upload(staff.staffId(), actor, file.getOriginalFilename(), content, chosen,
					plaintextPasswords);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ImportJobs.Busy busy) {
			return form(model, response, HttpStatus.CONFLICT, "backoffice.import.busy");
		}
		catch (ImportJobs.NotText notText) {
			return form(model, response, HttpStatus.UNPROCESSABLE_CONTENT, "backoffice.import.not-text");
		}
		if (job.status() == ImportJobStatus.REFUSED) {
			model.addAttribute("refusal", job.refusal());
			return form(model, response, HttpStatus.UNPROCESSABLE_CONTENT, null);
		}
		return "redirect:" + PATH + "/" + job.id();
	}

	@GetMapping(PATH + "/{id}")
	String job(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
		model.addAttribute("job", found(imports.find(uuid(id), staff.staffId())));
		model.addAttribute("shownErrors", ImportReport.SHOWN_ERRORS);
		model.addAttribute("listedErrors", ImportJobs.MAX_LISTED_ERRORS);
		return "backoffice/customer/import-job";
	}

	/**
	 * What the progress bar shows; {@code finished} once the page has a report to show
	 * (or a run to resume).
	 */
	record ProgressView(String stage, int percent, long rows, boolean finished, String text) {
	}

	@GetMapping(path = PATH + "/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ProgressView progress(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff, Locale locale) {
		var job = found(imports.find(uuid(id), staff.staffId()));
		return new ProgressView(job.status().name(), job.percent(), job.rows(), !job.status().running(),
				messages.getMessage("backoffice.import.progress", new Object[] { job.rows(), job.percent() }, locale));
	}

	@PostMapping(PATH + "/{id}")
	String run(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff, AuditActor actor,
			RedirectAttributes redirect) {
		try {
			found(imports.startImport(uuid(id), staff.staffId(), actor));
		}
		catch (ImportJobs.Busy busy) {
			redirect.addFlashAttribute("message", "backoffice.import.busy");
		}
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/resume")
	String resume(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff, AuditActor actor,
			RedirectAttributes redirect) {
		try {
			found(imports.resume(uuid(id), staff.staffId(), actor));
		}
		catch (ImportJobs.Busy busy) {
			redirect.addFlashAttribute("message", "backoffice.import.busy");
		}
		return "redirect:" + PATH + "/" + id;
	}

	@GetMapping(PATH + "/{id}/check-errors.csv")
	ResponseEntity<String> checkErrors(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff) {
		return errors(imports.failedRows(uuid(id), staff.staffId(), false), "import-check-errors.csv");
	}

	@GetMapping(PATH + "/{id}/errors.csv")
	ResponseEntity<String> importErrors(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff) {
		return errors(imports.failedRows(uuid(id), staff.staffId(), true), "import-errors.csv");
	}

	private static ResponseEntity<String> errors(Optional<String> csv, String fileName) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(found(csv));
	}

	private static ImportKind kind(String value) {
		return ImportKind.of(value).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
	}

	// Another staff member's import, or one long gone, is as unknown as an id never given
	// out.
	private static <T> T found(Optional<T> value) {
		return value.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private String form(Model model, @Nullable HttpServletResponse response, HttpStatus status,
			@Nullable String problem) {
		if (response != null) {
			response.setStatus(status.value());
		}
		model.addAttribute("problem", problem);
		model.addAttribute("maxBytes", uploadLimit.toBytes());
		model.addAttribute("maxMegabytes", uploadLimit.toMegabytes());
		model.addAttribute("kinds", ImportKind.values());
		model.addAttribute("busy", problem == null && imports.busy());
		return "backoffice/customer/import";
	}

}
