package io.mailsync.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One JVM shutdown hook that stops what runs on the infrastructure (services, sessions) before the infrastructure
 * itself (broker, database, mail servers). Separate hooks run concurrently, and a service whose broker vanished
 * first spends its close timeout reconnecting.
 */
public final class ShutdownOrder {

    private static final Deque<Runnable> APPLICATIONS = new ArrayDeque<>();
    private static final Deque<Runnable> INFRASTRUCTURE = new ArrayDeque<>();
    private static final Deque<Runnable> LAST = new ArrayDeque<>();
    private static boolean hooked;

    private ShutdownOrder() {
    }

    /** Runs at shutdown before any infrastructure stops; the last registered runs first. */
    public static synchronized void application(Runnable stop) {
        hook();
        APPLICATIONS.push(stop);
    }

    /** Runs at shutdown after every application; the last registered runs first. */
    public static synchronized void infrastructure(Runnable stop) {
        hook();
        INFRASTRUCTURE.push(stop);
    }

    /** Runs at shutdown after all infrastructure has stopped (deleting its files); in the order registered. */
    public static synchronized void lastly(Runnable step) {
        hook();
        LAST.add(step);
    }

    private static void hook() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownOrder::runAll, "mailsync-ordered-shutdown"));
        }
    }

    private static void runAll() {
        Deque<Runnable> apps;
        Deque<Runnable> infra;
        Deque<Runnable> last;
        synchronized (ShutdownOrder.class) {
            apps = new ArrayDeque<>(APPLICATIONS);
            infra = new ArrayDeque<>(INFRASTRUCTURE);
            last = new ArrayDeque<>(LAST);
        }
        apps.forEach(ShutdownOrder::quietly);
        infra.forEach(ShutdownOrder::quietly);
        last.forEach(ShutdownOrder::quietly);
    }

    private static void quietly(Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            System.err.println("shutdown step failed: " + e);
        }
    }
}
