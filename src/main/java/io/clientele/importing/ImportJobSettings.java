package io.clientele.importing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The back office's import jobs (see ImportJobs).
 *
 * @param kept how long a job at rest, its file and its reports are kept after its
 * uploader last looked at it (an imported file is deleted at once)
 * @param heartbeat how often the node running a job says it is alive
 * @param staleAfter how long without a heartbeat before any node takes a running job for
 * interrupted (its node died); well above {@code heartbeat}
 * @param sweepEvery how often each node looks for interrupted and expired jobs
 * @param progressEvery how often a run writes its progress at most
 */
@ConfigurationProperties("clientele.importing.jobs")
record ImportJobSettings(@DefaultValue("1h") Duration kept, @DefaultValue("5s") Duration heartbeat,
		@DefaultValue("30s") Duration staleAfter, @DefaultValue("10s") Duration sweepEvery,
		@DefaultValue("1s") Duration progressEvery) {
}
