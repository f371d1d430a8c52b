package io.clientele.backoffice;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.credentials.MailResends;
import io.clientele.audit.AuditActor;
import io.clientele.notification.MailQueue;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The e-mail queue: every mail with its state and message. A link or password only the
 * customer may use is never shown; sending such a mail again issues a new link.
 */
@Controller
class BackofficeMailController {

	static final int PAGE_SIZE = 50;

	private final MailQueue queue;

	private final MailResends resends;

	BackofficeMailController(MailQueue queue, MailResends resends) {
		this.queue = queue;
		this.resends = resends;
	}

	@GetMapping("/backoffice/mails")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		var current = Math.max(0, page);
		model.addAttribute("mails", queue.newest(current * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (queue.count() + PAGE_SIZE - 1) / PAGE_SIZE));
		return "backoffice/mail/list";
	}

	@GetMapping("/backoffice/mails/{id}")
	String detail(@PathVariable UUID id, Model model) {
		model.addAttribute("mail", mail(id));
		return "backoffice/mail/detail";
	}

	@PostMapping("/backoffice/mails/{id}/resend")
	String resend(@PathVariable UUID id, AuditActor staff, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var outcome = resends.resend(id, staff);
		return switch (outcome) {
			case UNKNOWN_MAIL -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			case RETRIED -> {
				redirect.addFlashAttribute("message", "backoffice.mail.resent");
				yield "redirect:/backoffice/mails/" + id;
			}
			case NEW_LINK_SENT -> {
				// the new mail heads the queue; this one may be withdrawn
				redirect.addFlashAttribute("message", "backoffice.mail.new-link-sent");
				yield "redirect:/backoffice/mails";
			}
			default -> refused(id, "backoffice.mail.not-resent." + outcome.name(), model, response);
		};
	}

	@PostMapping("/backoffice/mails/{id}/delete")
	String delete(@PathVariable UUID id, AuditActor staff, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return switch (queue.delete(id, staff)) {
			case UNKNOWN -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			case DELETED -> {
				redirect.addFlashAttribute("message", "backoffice.mail.deleted");
				yield "redirect:/backoffice/mails";
			}
			case SECURITY_NOTICE -> refused(id, "backoffice.mail.not-deleted.security-notice", model, response);
			case BEING_SENT -> refused(id, "backoffice.mail.not-deleted.being-sent", model, response);
		};
	}

	/**
	 * The HTML part on its own, under a policy that lets its inline styles show and
	 * nothing run; a sent mail keeps none.
	 */
	@GetMapping("/backoffice/mails/{id}/html")
	ResponseEntity<String> html(@PathVariable UUID id) {
		var html = mail(id).htmlBody();
		if (html == null) {
			throw new ResponseStatusException(HttpStatus.GONE, "A sent mail keeps no content");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_HTML)
			.header("Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox")
			.body(html);
	}

	private String refused(UUID id, String error, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("error", error);
		model.addAttribute("mail", mail(id));
		return "backoffice/mail/detail";
	}

	private MailQueue.QueuedMail mail(UUID id) {
		return queue.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
