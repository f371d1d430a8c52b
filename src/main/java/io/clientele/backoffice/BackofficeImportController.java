package io.clientele.backoffice;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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
import io.clientele.importing.ImportReport;
import io.clientele.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Importing customers ({@code customer.csv}), their addresses or customer groups (admins
 * only): upload, the dry run's report, the import with its progress, the lists of failed
 * rows. The work is {@link BackofficeImports}'.
 */
@Controller
class BackofficeImportController {

	static final String PATH = "/backoffice/customers/import";

	private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final BackofficeImports imports;

	private final MessageSource messages;

	private final DataSize uploadLimit;

	BackofficeImportController(BackofficeImports imports, MessageSource messages,
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
		BackofficeImports.Job job;
		try {
			job = imports.upload(staff.staffId(), actor, file.getOriginalFilename(), file, chosen, plaintextPasswords);
		}
		catch (BackofficeImports.Busy busy) {
			return form(model, response, HttpStatus.CONFLICT, "backoffice.import.busy");
		}
		catch (BackofficeImports.NotText notText) {
			return form(model, response, HttpStatus.UNPROCESSABLE_CONTENT, "backoffice.import.not-text");
		}
		imports.awaitCheck(job, BackofficeImports.WAIT_FOR_CHECK);
		if (job.stage() == BackofficeImports.Stage.REFUSED) {
			imports.discard(job);
			model.addAttribute("refusal", job.refusal());
			return form(model, response, HttpStatus.UNPROCESSABLE_CONTENT, null);
		}
		return "redirect:" + PATH + "/" + job.id();
	}

	@GetMapping(PATH + "/{id}")
	String job(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
		model.addAttribute("job", own(id, staff));
		model.addAttribute("shownErrors", ImportReport.SHOWN_ERRORS);
		return "backoffice/customer/import-job";
	}

	/**
	 * What the progress bar shows; {@code finished} once the page has a report to show.
	 */
	record ProgressView(String stage, int percent, long rows, boolean finished, String text) {
	}

	@GetMapping(path = PATH + "/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ProgressView progress(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff, Locale locale) {
		var job = own(id, staff);
		var stage = job.stage();
		var progress = job.progress();
		var percent = stage.running() ? progress.percent() : 100;
		return new ProgressView(stage.name(), percent, progress.rows(), !stage.running(),
				messages.getMessage("backoffice.import.progress", new Object[] { progress.rows(), percent }, locale));
	}

	@PostMapping(PATH + "/{id}")
	String run(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff, AuditActor actor,
			RedirectAttributes redirect) {
		var job = own(id, staff);
		try {
			imports.startImport(job, actor);
		}
		catch (BackofficeImports.Busy busy) {
			redirect.addFlashAttribute("message", "backoffice.import.busy");
		}
		return "redirect:" + PATH + "/" + id;
	}

	@GetMapping(PATH + "/{id}/check-errors.csv")
	ResponseEntity<Resource> checkErrors(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff) {
		return errors(own(id, staff), false, "import-check-errors.csv");
	}

	@GetMapping(PATH + "/{id}/errors.csv")
	ResponseEntity<Resource> importErrors(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff) {
		return errors(own(id, staff), true, "import-errors.csv");
	}

	private ResponseEntity<Resource> errors(BackofficeImports.Job job, boolean ofTheImport, String fileName) {
		var file = imports.errorReport(job, ofTheImport)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(new FileSystemResource(file));
	}

	private static BackofficeImports.Kind kind(String value) {
		return BackofficeImports.Kind.of(value).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
	}

	// Another staff member's import, or one long gone, is as unknown as an id never given
	// out.
	private BackofficeImports.Job own(String id, StaffPrincipal staff) {
		return imports.find(id, staff.staffId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(Model model, @Nullable HttpServletResponse response, HttpStatus status,
			@Nullable String problem) {
		if (response != null) {
			response.setStatus(status.value());
		}
		model.addAttribute("problem", problem);
		model.addAttribute("maxBytes", uploadLimit.toBytes());
		model.addAttribute("maxMegabytes", uploadLimit.toMegabytes());
		model.addAttribute("kinds", BackofficeImports.Kind.values());
		model.addAttribute("busy", problem == null && imports.busy());
		return "backoffice/customer/import";
	}

}
