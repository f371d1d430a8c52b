package io.clientele.backoffice;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerManagement;
import io.clientele.notification.MailQueue;
import io.clientele.notification.MailStatus;

/** The dashboard: the figures staff look at first. */
@Controller
class BackofficeDashboardController {

	private final CustomerManagement customers;

	private final BackofficeCustomers pages;

	private final AuditTrail audit;

	private final MailQueue mails;

	private final Clock clock;

	BackofficeDashboardController(CustomerManagement customers, BackofficeCustomers pages, AuditTrail audit,
			MailQueue mails, Clock clock) {
		this.customers = customers;
		this.pages = pages;
		this.audit = audit;
		this.mails = mails;
		this.clock = clock;
	}

	@GetMapping("/backoffice")
	String dashboard(Model model) {
		var mailCounts = mails.countByStatus();
		var startOfToday = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
		model.addAttribute("statistics", customers.statistics());
		model.addAttribute("lockedNow", pages.lockedCustomers().size());
		model.addAttribute("resetsToday", audit.count(AuditType.RESET_REQUESTED, startOfToday));
		model.addAttribute("mailsQueued", mailCounts.get(MailStatus.QUEUED) + mailCounts.get(MailStatus.SENDING));
		model.addAttribute("mailsFailed", mailCounts.get(MailStatus.FAILED));
		return "backoffice/dashboard";
	}

}
