package dev.whiteboard.runtime;

import java.util.concurrent.Executor;

/**
 * Hands tasks to a managed executor with the platform class loader as the submitting thread's context loader.
 * Payara's concurrency runtime captures the context of every task it is given, and part of that is a service
 * loader scan of the context class loader's class path: with the application's loader, that scan was the largest
 * single cost in the profile of the webhook benchmark (B4). The tasks given to it
 * need no application classes through the context loader (they are plain Java: HTTP callbacks, sends).
 */
public final class LeanExecutor implements Executor {

    private final Executor managed;

    private LeanExecutor(Executor managed) {
        this.managed = managed;
    }

    public static Executor of(Executor managed) {
        return new LeanExecutor(managed);
    }

    @Override
    public void execute(Runnable task) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            managed.execute(task);
        } finally {
            thread.setContextClassLoader(context);
        }
    }
}
