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

import io.clientele.notification.MailQueue;

/**
 * The e-mail queue: every mail with its state and message. Without an SMTP server this is
 * where the links customers would receive can be read.
 */
@Controller
class BackofficeMailController {

	static final int PAGE_SIZE = 50;

	private final MailQueue queue;

	BackofficeMailController(MailQueue queue) {
		this.queue = queue;
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
		model.addAttribute("mail", queue.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "backoffice/mail/detail";
	}

	@PostMapping("/backoffice/mails/{id}/resend")
	String resend(@PathVariable UUID id, RedirectAttributes redirect) {
		var mail = queue.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// a mail holding a password is never sent twice: generate a new one instead
		var resent = !mail.confidential() && queue.resend(id);
		redirect.addFlashAttribute("message", resent ? "backoffice.mail.resent" : "backoffice.mail.not-resent");
		return "redirect:/backoffice/mails/" + id;
	}

	@PostMapping("/backoffice/mails/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		if (!queue.delete(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("message", "backoffice.mail.deleted");
		return "redirect:/backoffice/mails";
	}

	/**
	 * The HTML part on its own, under a policy that lets its inline styles show and
	 * nothing run.
	 */
	@GetMapping("/backoffice/mails/{id}/html")
	ResponseEntity<String> html(@PathVariable UUID id) {
		var mail = queue.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_HTML)
			.header("Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox")
			.body(mail.htmlBody());
	}

}
