package io.clientele.console;

import java.util.concurrent.Callable;

/**
 * A picocli command ({@code @Command}-annotated) that the console runs; its result is the
 * process's exit code.
 */
interface ConsoleCommand extends Callable<Integer> {

}
